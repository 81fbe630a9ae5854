from django.urls import path

from lampio.payments import views

app_name = "payments"

urlpatterns = [
    path("checkout/<int:order_pk>/", views.checkout, name="checkout"),
    path("checkout/<int:order_pk>/release/", views.release, name="release"),
    path("return/", views.provider_return, name="return"),
    path("receipt/<uuid:receipt_token>/", views.receipt, name="receipt"),
    path("", views.my_orders, name="mine"),
]
