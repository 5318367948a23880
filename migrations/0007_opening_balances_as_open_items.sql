-- 期初应收 / 期初应付 entered before receivables were kept become open items (services/money/opening-items.ts),
-- dated the day their counterparty was created. The uid is random hex: unique, as head office needs.
INSERT INTO open_items (uid, counterparty_id, side, document_id, line_id, business_date, due_date, amount)
SELECT lower(hex(randomblob(16))), id, 'receivable', NULL, NULL, substr(created_at, 1, 10), substr(created_at, 1, 10), opening_receivable
FROM counterparties WHERE opening_receivable <> 0;
--> statement-breakpoint
INSERT INTO open_items (uid, counterparty_id, side, document_id, line_id, business_date, due_date, amount)
SELECT lower(hex(randomblob(16))), id, 'payable', NULL, NULL, substr(created_at, 1, 10), substr(created_at, 1, 10), opening_payable
FROM counterparties WHERE opening_payable <> 0;
