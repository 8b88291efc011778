/**
 * The review card as every page that lists reviews shows it: {@link ReviewCard} carries
 * all a card shows for one reader (the reader's upvote, the upvoters for the author, the
 * comments where the page has them), and {@link ReviewCards} fills a whole page's cards
 * in a fixed number of queries. Also the single-review page, which is one card. It reads
 * through the review and comment features and never writes; a card template must never
 * read page-level model attributes.
 */
package club.icourse.reviewapp.card;
