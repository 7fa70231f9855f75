import type { ActivityItem } from '../../api/shapes';
import { pickText } from '../../api/shapes';
import type { Language } from '../../i18n/catalogue';

/** The item's readable summary from the activity record (in the page's language), else its event type. */
export function activitySummary(item: ActivityItem, language: Language): string {
  return pickText(item.summary, language) ?? item.type;
}
