from auditlog.registry import auditlog

from lampio.payments.models import (
    FreeOfCharge,
    InvoiceExport,
    Order,
    PriceRule,
    Refund,
    SellerSettings,
)

auditlog.register(Order, exclude_fields=["receipt_token"])
auditlog.register(Refund)
auditlog.register(PriceRule)
auditlog.register(FreeOfCharge)
auditlog.register(SellerSettings)
auditlog.register(InvoiceExport)
