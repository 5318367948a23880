/**
 * What the branch does when a sales document goes past a limit (DOMAIN.md §7, issue 5): refuse it,
 * or say so and let the person go on once they have read the figures.
 */
export const limitPolicies = ['stop', 'warn'] as const;
export type LimitPolicy = (typeof limitPolicies)[number];

/** A sale below the lowest price (最低售价): refused, or only a manager may approve it. */
export const minPricePolicies = ['stop', 'approve'] as const;
export type MinPricePolicy = (typeof minPricePolicies)[number];

/** Settings of the installation that are not part of the branch profile. */
export interface AppSettings {
  /** Where electron-updater looks for new versions (generic provider); empty: never check. */
  updateFeedUrl: string;
  /** A sales order or delivery that pushes receivable + open orders over the customer's credit limit. */
  creditLimitPolicy: LimitPolicy;
  /** A sales order asking for more than the available stock (on hand − reserved). */
  orderStockPolicy: LimitPolicy;
  minSalePricePolicy: MinPricePolicy;
  /**
   * 不能审核自己制单的单据: whoever made a document does not approve it, nor does their own submit
   * approve it on a branch that does not approve separately (separation of duties, issue 11).
   */
  forbidSelfApproval: boolean;
  /**
   * Automatic backups: once a day (when the host's timer finds none for the branch's day yet), before a
   * month close and when the app exits. Before a migration there is always one, whatever this says.
   */
  autoBackup: boolean;
  /** Where automatic backups go; empty: the `backups` folder beside the database. */
  autoBackupFolder: string;
  /** How many automatic backups of each kind (daily, month close, exit) are kept; older ones are deleted. */
  autoBackupKeep: number;
}

export const defaultAppSettings: AppSettings = {
  updateFeedUrl: '',
  creditLimitPolicy: 'stop',
  orderStockPolicy: 'warn',
  minSalePricePolicy: 'approve',
  forbidSelfApproval: true,
  autoBackup: true,
  autoBackupFolder: '',
  autoBackupKeep: 14,
};
