// The main screen: the last submission's cards (conflict, refusal, queued, receipt), the checked report's
// own review, the template notice, then the check results.
import { issuesPanel, templateNewsCard } from "./check-results-view.ts";
import { ownReviewCard } from "./review-view.ts";
import { ownScoreCard } from "./score-view.ts";
import type { Screen, ScreenContext } from "./screen.ts";
import { conflictCard, queuedCard, receiptCard, refusalCard } from "./submission-cards.ts";

export function mainScreen(ctx: ScreenContext): Screen {
  return {
    render: (s) => [
      s.conflict ? conflictCard(ctx, s.conflict, s.lang) : null,
      s.refusal ? refusalCard(ctx, s.refusal, s.lang) : null,
      s.queued ? queuedCard(ctx) : null,
      s.receipt ? receiptCard(ctx, s.receipt, s.lang) : null,
      ownReviewCard(s.ownReview, s.lang),
      ownScoreCard(s.check?.report, s.ownScore, s.lang, s.busy !== null, ctx.controller),
      s.templateNews ? templateNewsCard(ctx, s.templateNews, s) : null,
      issuesPanel(ctx, s),
    ],
  };
}
