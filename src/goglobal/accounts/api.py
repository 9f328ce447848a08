from ninja import Router, Schema

from goglobal.accounts.http import AuthenticatedRequest
from goglobal.accounts.models import User

router = Router()


class MeOut(Schema):
    email: str
    full_name: str
    role: str
    preferred_language: str


@router.get("/me", response=MeOut)
def me(request: AuthenticatedRequest) -> User:
    return request.user
