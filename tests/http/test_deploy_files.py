"""The container files, read (no container runtime is needed for these tests):
Containerfile, deploy/compose.yaml and the PostgreSQL and Redis images."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped]

from nightlegs.cli.main import _check_workers
from nightlegs.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
CONTAINERFILES = [ROOT / "Containerfile", DEPLOY / "postgres/Containerfile"]
CONTAINERFILES.append(DEPLOY / "redis/Containerfile")


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def stages(path: Path) -> list[str]:
    """Each stage's text, from its FROM line on."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    return re.split(r"(?m)^(?=FROM )", text)[1:]


def test_every_image_is_built_from_debian_12_packages() -> None:
    for path in CONTAINERFILES:
        text = path.read_text(encoding="utf-8")
        assert "ARG DEBIAN_IMAGE=docker.io/library/debian:12-slim" in text, path
        for stage in stages(path):
            assert stage.startswith("FROM ${DEBIAN_IMAGE}"), path
        # Software comes from apt (Debian) or, for the app, the hash-pinned lock.
        assert not re.search(r"\b(curl|wget|ADD https?:)", text), path


def test_the_service_stage_has_no_compilers_and_runs_as_a_user() -> None:
    builder, final = stages(ROOT / "Containerfile")
    assert "--require-hashes" in builder
    assert "requirements/lock.txt" in builder
    assert "dev-lock" not in builder
    packages = set(
        re.findall(r"apt-get install -y --no-install-recommends ([^&]+)", final)[0].split()
    )
    for needed in ("python3", "libpango-1.0-0", "libpangoft2-1.0-0", "fonts-dejavu-core", "tzdata"):
        assert needed in packages
    assert not packages & {"gcc", "build-essential", "python3-dev", "python3-pip", "make"}
    assert re.search(r"(?m)^USER nightlegs$", final)
    assert "useradd --system --uid 10001" in final
    assert "/api/v1/health" in final.split("HEALTHCHECK", 1)[1]


def test_the_entrypoint_upgrades_then_serves() -> None:
    script = DEPLOY / "entrypoint.sh"
    text = script.read_text(encoding="utf-8")
    assert text.index("nightlegs db upgrade") < text.index("exec nightlegs serve --host 0.0.0.0")
    assert script.stat().st_mode & 0o111
    for shell in (script, DEPLOY / "postgres/entrypoint.sh"):
        subprocess.run(["sh", "-n", str(shell)], check=True)


def test_the_build_context_leaves_out_the_venv_and_secrets() -> None:
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    assert ignored[ignored.index("*") - 1].startswith("#")  # everything, then the sources
    assert "!requirements/lock.txt" in ignored
    assert "!src/" in ignored
    assert not any(
        line.startswith("!") and ("venv" in line or "deploy/" + "secrets" in line)
        for line in ignored
    )
    assert {"secrets/", ".env"} <= set((DEPLOY / ".gitignore").read_text().split())


def test_compose_has_the_app_postgres_and_redis(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert set(services) == {"migrate", "app", "postgres", "redis"}
    for name, service in services.items():
        assert "build" in service, name
        assert str(service["image"]).startswith("localhost/"), name  # built here, not pulled
    assert services["migrate"]["command"] == ["db", "upgrade"]
    app = services["app"]
    assert app["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert app["depends_on"]["redis"]["condition"] == "service_healthy"
    assert app["ports"] == ["127.0.0.1:8000:8000"]
    assert "/api/v1/health" in " ".join(app["healthcheck"]["test"])
    assert compose["networks"]["default"]["internal"] is True
    assert "ports" not in services["postgres"]
    assert "ports" not in services["redis"]


def test_compose_settings_are_valid_and_allow_its_workers(
    compose: dict[str, Any], tmp_path: Path
) -> None:
    app = compose["services"]["app"]
    environment = {
        name: re.sub(r"\$\{POSTGRES_PASSWORD[^}]*\}", "x" * 24, str(value))
        for name, value in app["environment"].items()
    }
    assert environment["NIGHTLEGS_RATE_LIMIT_STORAGE"].startswith("redis://redis:6379/")
    assert environment["NIGHTLEGS_DATABASE_URL"].startswith("postgresql+psycopg://")
    secret = tmp_path / "secret-key"
    secret.write_text("k" * 40)
    environment["NIGHTLEGS_SECRET_KEY_FILE"] = str(secret)
    fields = {name.removeprefix("NIGHTLEGS_").lower(): value for name, value in environment.items()}
    settings = Settings.model_validate(fields)
    assert settings.diary_secret == b"k" * 40
    command = app["command"]
    workers = int(command[command.index("--workers") + 1])
    assert workers > 1
    _check_workers(settings, workers)  # neither SQLite nor memory rate limits: accepted
    assert compose["secrets"]["secret-key"]["file"] == "./secrets/secret-key"
