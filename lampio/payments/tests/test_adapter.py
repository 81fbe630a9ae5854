"""The Paytrail adapter against the local fake that speaks the protocol over HTTP."""

from __future__ import annotations

import socket
from decimal import Decimal

import pytest

from lampio.payments.fake_paytrail import FakePaytrail, serve
from lampio.payments.models import OnlinePayment, Refund
from lampio.payments.providers.base import BadSignature, ProviderUnavailable
from lampio.payments.providers.paytrail import Paytrail, online_provider
from lampio.payments.services.online import return_urls
from lampio.payments.tests.flows import reserve

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(paid_space, slot, resident):
    return reserve(resident, paid_space, slot)


@pytest.fixture
def payment(order):
    return OnlinePayment.objects.create(order=order, amount=order.total)


def adapter_at(url: str) -> Paytrail:
    return Paytrail(base_url=url, account="375917", secret="SAIPPUAKAUPPIAS", timeout=2)


def started(fake, order, payment):
    provider = online_provider()
    assert provider is not None
    begun = provider.create_payment(order, payment, return_urls(), email="aino@example.fi")
    payment.transaction_id = begun.transaction_id
    payment.save()
    return provider, begun, fake.payments[begun.transaction_id]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_no_provider_is_configured_without_a_url(settings):
    settings.LAMPIO_PAYTRAIL_URL = ""
    assert online_provider() is None


def test_creating_a_payment_gives_the_page_to_send_the_person_to(fake_paytrail, order, payment):
    _provider, begun, at_fake = started(fake_paytrail, order, payment)
    assert begun.redirect_url == f"{fake_paytrail.base_url}/pay/{begun.transaction_id}"
    assert at_fake.stamp == str(payment.stamp)
    assert at_fake.reference == order.reference
    assert at_fake.amount == 4000
    assert at_fake.callback_urls["success"].endswith("/payments/callback/")
    assert "/payments/return/" in at_fake.redirect_urls["success"]


def test_the_same_stamp_is_not_accepted_twice(fake_paytrail, order, payment):
    provider, _begun, _at_fake = started(fake_paytrail, order, payment)
    with pytest.raises(ProviderUnavailable):
        provider.create_payment(order, payment, return_urls(), email="aino@example.fi")


def test_the_fakes_signed_news_verifies(fake_paytrail, order, payment):
    provider, begun, at_fake = started(fake_paytrail, order, payment)
    news = provider.verify(fake_paytrail.signed_params(at_fake, "ok"))
    assert news.stamp == str(payment.stamp)
    assert news.transaction_id == begun.transaction_id
    assert (news.status, news.amount_cents) == ("ok", 4000)
    assert news.payment_service == "osuuspankki"


def test_tampered_unsigned_or_other_accounts_news_is_refused(fake_paytrail, order, payment):
    provider, _begun, at_fake = started(fake_paytrail, order, payment)
    params = fake_paytrail.signed_params(at_fake, "fail")
    with pytest.raises(BadSignature):
        provider.verify({**params, "checkout-status": "ok"})
    with pytest.raises(BadSignature):
        provider.verify({**params, "checkout-amount": "1"})
    with pytest.raises(BadSignature):
        provider.verify({k: v for k, v in params.items() if k != "signature"})
    with pytest.raises(BadSignature):
        provider.verify({})
    # Another merchant's correctly signed news is not ours.
    other = FakePaytrail(account="695861", secret="MONISAIPPUAKAUPPIAS")
    with pytest.raises(BadSignature):
        provider.verify(other.signed_params(at_fake, "ok"))
    # Our account, signed with the wrong secret.
    forged = FakePaytrail(account="375917", secret="GUESS")
    with pytest.raises(BadSignature):
        provider.verify(forged.signed_params(at_fake, "ok"))


def test_signed_news_missing_a_field_is_refused(fake_paytrail, order, payment):
    provider, _begun, at_fake = started(fake_paytrail, order, payment)
    params = fake_paytrail.signed_params(at_fake, "ok")
    params.pop("checkout-transaction-id")
    params.pop("signature")
    params["signature"] = fake_paytrail.signed_params(at_fake, "ok")["signature"]
    with pytest.raises(BadSignature):
        provider.verify(params)


def test_the_status_of_a_payment_is_asked(fake_paytrail, order, payment):
    provider, _begun, at_fake = started(fake_paytrail, order, payment)
    assert provider.payment_status(payment).status == "new"
    at_fake.status = "ok"
    news = provider.payment_status(payment)
    assert (news.status, news.amount_cents, news.stamp) == ("ok", 4000, str(payment.stamp))


def test_a_paid_payment_is_refunded_once_per_refund(fake_paytrail, order, payment):
    provider, _begun, at_fake = started(fake_paytrail, order, payment)
    at_fake.status = "ok"
    refund = Refund.objects.create(order=order, payment=payment, amount=Decimal("15.00"))
    assert provider.refund(payment, refund, return_urls()).status == "ok"
    assert provider.refund(payment, refund, return_urls()).status == "ok"  # same refund stamp
    assert at_fake.refunded == 1500


def test_a_refused_refund_is_a_failure(fake_paytrail, order, payment):
    provider, _begun, at_fake = started(fake_paytrail, order, payment)
    at_fake.status = "ok"
    fake_paytrail.refuse_refunds = True
    refund = Refund.objects.create(order=order, payment=payment, amount=Decimal("40.00"))
    assert provider.refund(payment, refund, return_urls()).status == "fail"
    assert at_fake.refunded == 0


def test_a_provider_that_is_down_is_unavailable(fake_paytrail, order, payment):
    fake_paytrail.down = True
    provider = online_provider()
    assert provider is not None
    with pytest.raises(ProviderUnavailable):
        provider.create_payment(order, payment, return_urls(), email="aino@example.fi")
    assert fake_paytrail.payments == {}


class MisSigningFake(FakePaytrail):
    """Accepts correctly signed requests but signs its answers with another secret."""

    answer_secret = "NOT-THE-SECRET"

    def _answer(self, start, status, payload, tx=""):
        secret, self.secret = self.secret, self.answer_secret
        try:
            return super()._answer(start, status, payload, tx)
        finally:
            self.secret = secret


@pytest.fixture
def mis_signing_fake(settings):
    fake = MisSigningFake()
    server = serve(fake)
    settings.LAMPIO_PAYTRAIL_URL = fake.base_url
    yield fake
    server.shutdown()
    server.server_close()


def test_an_answer_with_a_bad_signature_is_not_believed(mis_signing_fake, order, payment):
    provider = online_provider()
    assert provider is not None
    with pytest.raises(ProviderUnavailable):
        provider.create_payment(order, payment, return_urls(), email="aino@example.fi")
    # The fake did create it: only the answer was not believed, so nobody is sent to pay.
    assert len(mis_signing_fake.payments) == 1


def test_an_answer_without_a_signature_is_not_believed(mis_signing_fake, order, payment):
    mis_signing_fake.answer_secret = mis_signing_fake.secret
    provider = online_provider()
    assert provider is not None
    provider.create_payment(order, payment, return_urls(), email="aino@example.fi")  # control
    payment.transaction_id = next(iter(mis_signing_fake.payments))
    mis_signing_fake.answer_secret = "NOT-THE-SECRET"
    with pytest.raises(ProviderUnavailable):
        provider.payment_status(payment)


def test_a_provider_that_refuses_our_signature_is_unavailable(fake_paytrail, order, payment):
    provider = online_provider()
    assert provider is not None
    provider.secret = "SOMETHING-ELSE"  # the fake answers 401
    with pytest.raises(ProviderUnavailable):
        provider.create_payment(order, payment, return_urls(), email="aino@example.fi")
    assert fake_paytrail.payments == {}


def test_a_closed_port_is_unavailable(order, payment):
    provider = adapter_at(f"http://127.0.0.1:{closed_port()}")
    with pytest.raises(ProviderUnavailable):
        provider.create_payment(order, payment, return_urls(), email="aino@example.fi")
    with pytest.raises(ProviderUnavailable):
        provider.payment_status(payment)
