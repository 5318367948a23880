/** Settings of the installation that are not part of the branch profile. */
export interface AppSettings {
  /** Where electron-updater looks for new versions (generic provider); empty: never check. */
  updateFeedUrl: string;
}

export const defaultAppSettings: AppSettings = {
  updateFeedUrl: '',
};
