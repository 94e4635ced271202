-- The cells of the user behind each audit event (NULL: a user of every cell, or a name that
-- is no user), so that an administrator limited to some cells sees only the events of users
-- within them. Events written before this migration stay NULL: only unscoped administrators
-- see them.
ALTER TABLE audit ADD COLUMN branches VARCHAR[];
