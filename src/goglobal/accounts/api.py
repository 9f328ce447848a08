
from django.http import HttpRequest
from ninja import Router, Schema

router = Router()


class MeOut(Schema):
    email: str
    full_name: str
    role: str
    preferred_language: str


@router.get("/me", response=MeOut)
def me(request: HttpRequest) -> object:
    return request.user
