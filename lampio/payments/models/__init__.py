from lampio.payments.models.orders import (
    InvoiceExport,
    OnlinePayment,
    OnlineStatus,
    Order,
    OrderRow,
    OrderStatus,
    PaymentMethod,
    ProviderEvent,
    Refund,
    RefundStatus,
)
from lampio.payments.models.pricing import (
    VAT_RATES,
    FreeOfCharge,
    PriceBasis,
    PriceGroup,
    PriceRule,
    SellerSettings,
)

__all__ = [
    "VAT_RATES",
    "FreeOfCharge",
    "InvoiceExport",
    "OnlinePayment",
    "OnlineStatus",
    "Order",
    "OrderRow",
    "OrderStatus",
    "PaymentMethod",
    "PriceBasis",
    "PriceGroup",
    "PriceRule",
    "ProviderEvent",
    "Refund",
    "RefundStatus",
    "SellerSettings",
]
