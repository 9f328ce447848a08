"""Pagination that stays fast on large tables: counting stops at a cap."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

COUNT_CAP = 10_000
# The furthest page an API list serves: a larger ?page= (even past 64 bits) is a 422 with the
# field named, never an offset the database cannot hold.
MAX_PAGE = 1_000_000
MAX_PAGE_SIZE = 1000


class BoundedPageNumberPagination(PageNumberPagination):
    """Ninja's page-number pagination with ``page`` and ``page_size`` bounded."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)


class CappedPaginator(Paginator):
    """Counts at most ``cap`` + 1 rows; ``is_capped`` says there are more than ``cap``.

    A filtered count over 100,000 rows costs as much as reading them all; a list needs only
    to say "more than 10,000" and let the user narrow the filters.
    """

    def __init__(self, object_list: Any, per_page: int, *, cap: int = COUNT_CAP) -> None:
        super().__init__(object_list, per_page)
        self.cap = cap

    @cached_property
    def _found(self) -> int:
        if not isinstance(self.object_list, QuerySet):
            return len(self.object_list)
        return int(self.object_list.order_by().values("pk")[: self.cap + 1].count())

    @cached_property
    def count(self) -> int:
        return min(self._found, self.cap)

    @property
    def is_capped(self) -> bool:
        return self._found > self.cap


class IdsFirstPagination(BoundedPageNumberPagination):
    """API pages that find their rows' ids first, then load those rows.

    Sorting tens of thousands of rows carrying every column of their joined tables spills to
    disk; sorting their ids and sort keys does not. The page holds the same rows in the same
    order as slicing the queryset would.
    """

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        size = self._get_page_size(pagination.page_size)
        offset = (pagination.page - 1) * size
        ids = list(queryset.values_list("pk", flat=True)[offset : offset + size])
        rows = {row.pk: row for row in queryset.order_by().filter(pk__in=ids)}
        return {
            self.items_attribute: [rows[pk] for pk in ids if pk in rows],
            "count": self._items_count(queryset),
        }
