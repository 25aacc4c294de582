"""GET /api/v1/health: is the service up, and which knowledge base does it use."""

from __future__ import annotations

from fastapi import APIRouter

from nightlegs.api.schemas import Health
from nightlegs.api.strict_json import StrictJsonRoute
from nightlegs.http.deps import KbDep

router = APIRouter(tags=["health"], route_class=StrictJsonRoute)


@router.get("/health", response_model=Health)
def get_health(kb: KbDep) -> Health:
    return Health(status="ok", kb_version=kb.version)
