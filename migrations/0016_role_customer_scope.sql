ALTER TABLE `roles` ADD `customer_scope` text DEFAULT 'all' NOT NULL;--> statement-breakpoint
-- The shipped 业务员 sees only the customers they are salesperson of (domain/access/roles.ts); every other role keeps seeing all.
UPDATE `roles` SET `customer_scope` = 'own' WHERE `code` = 'salesperson' AND `shipped` = 1;
