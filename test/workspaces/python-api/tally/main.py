from fastapi import FastAPI

from tally import __version__
from tally.errors.handlers import add_exception_handlers
from tally.middleware import MaintenanceMiddleware, RateLimitMiddleware, RequestIdMiddleware
from tally.routers import customers, integrations, invoices, payments, reference, webhooks


def create_app() -> FastAPI:
    app = FastAPI(title="Tally API", version=__version__)
    add_exception_handlers(app)
    # Starlette runs the middleware added last first: the request id must exist before the others.
    app.add_middleware(RateLimitMiddleware)
    app.add_middleware(MaintenanceMiddleware)
    app.add_middleware(RequestIdMiddleware)
    for module in (customers, invoices, payments, webhooks, integrations, reference):
        app.include_router(module.router)

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    return app


app = create_app()
