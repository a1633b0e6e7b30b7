"""What the workflow announces to the rest of the project (webhooks listen here).

Each signal is sent by `claims.workflow` inside the transaction that makes the change, with
`send` (not `send_robust`): a receiver writes its own rows (an outbox) in that transaction, and a
receiver that fails rolls the change back rather than letting it pass unannounced. A receiver must
therefore only write rows; anything slow or fallible (HTTP, e-mail) belongs after the commit.

All are sent with `sender=Claim` and an `at` keyword (when it happened, aware datetime).
"""

from django.dispatch import Signal

# A verdict was published (the claim's first, or a later one): `claim`, `verdict`, `at`.
verdict_published = Signal()

# A publish resolved a time-bound claim (a final rating on a watched or due claim): `claim`,
# `verdict`, `at`. Sent after `verdict_published` for the same verdict. Recording an outcome
# (`workflow.resolve`) only submits it; the claim is resolved when a publisher approves it.
claim_resolved = Signal()

# The sweep marked claims due: `claim_ids` (a list, one sweep batch of up to SWEEP_BATCH_SIZE
# claims, so a receiver works set-based as the sweep does), `at`.
claims_fell_due = Signal()

# A publisher issued a correction to a published verdict: `claim`, `verdict` (the corrected one),
# `correction`, `at`.
verdict_corrected = Signal()
