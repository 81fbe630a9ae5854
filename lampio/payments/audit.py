from lampio.core.audit import register_audited
from lampio.payments.models import (
    FreeOfCharge,
    InvoiceExport,
    Order,
    PriceRule,
    Refund,
    SellerSettings,
)

register_audited(Order, exclude_fields=["receipt_token"])
register_audited(Refund)
register_audited(PriceRule)
register_audited(FreeOfCharge)
register_audited(SellerSettings)
register_audited(InvoiceExport)
