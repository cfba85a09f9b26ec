/**
 * The site policy as the background asks it: on every tab update, badge redraw, page report and
 * popup question. The exclude and grant lists change only from the options page, so they are
 * read once and kept until either changes, instead of two storage reads per question.
 */
import { readDecision, type ReadDecision, type SiteLists } from '@/src/sites/site-policy';
import { excludedHostsSetting, grantedSitesSetting, readSiteLists } from '@/src/platform/settings';

let lists: Promise<SiteLists> | undefined;
let watching = false;
const forget = () => {
  lists = undefined;
};

/** Whether (and why) Docent may read `url` automatically under the current settings. */
export async function readDecisionFor(url: string): Promise<ReadDecision> {
  if (!watching) {
    watching = true;
    excludedHostsSetting.watch(forget);
    grantedSitesSetting.watch(forget);
  }
  lists ??= readSiteLists().catch((error: unknown) => {
    forget(); // the next question reads again
    throw error;
  });
  return readDecision(url, await lists);
}
