"""One OpenAPI document for the whole platform, assembled from each app's api.py."""

from lampio.accounts.api import router as accounts_router
from lampio.assistant.api import router as assistant_router
from lampio.bookings.access_api import router as access_router
from lampio.bookings.api import router as bookings_router
from lampio.bookings.lastminute_api import router as lastminute_router
from lampio.bookings.waitlist_api import router as waitlist_router
from lampio.core.api import ProblemJsonNinjaAPI, default_auth, install_problem_handlers
from lampio.ideas.api import router as ideas_router
from lampio.insights.api import router as insights_router
from lampio.offerings.api import router as offerings_router
from lampio.spaces.api import router as spaces_router
from lampio.tenancy.api import router as tenancy_router

api = ProblemJsonNinjaAPI(
    title="Lämpiö API",
    version="1",
    description="Culture services of the Finnish city network: spaces, offerings, feedback, ideas.",
    auth=default_auth,
    urls_namespace="api",
    docs_url="/docs",
)
install_problem_handlers(api)
api.add_router("/", accounts_router)
api.add_router("/", tenancy_router)
api.add_router("/", spaces_router)
api.add_router("/", bookings_router)
api.add_router("/", access_router)
api.add_router("/", waitlist_router)
api.add_router("/", lastminute_router)
api.add_router("/", offerings_router)
api.add_router("/", assistant_router)
api.add_router("/", ideas_router)
api.add_router("/", insights_router)
