-- The statistics page's most upvoted reviews: with this index MariaDB reads reviews in that order and stops at the
-- first few readable ones, instead of sorting every review (at ten times iCourse's size, 170,000 reviews: 0.4 s).
CREATE INDEX review_upvote_order_ix ON review (upvote_count DESC, created_at);
