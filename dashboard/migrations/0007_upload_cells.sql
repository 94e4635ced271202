-- The cells each upload wrote, so that a user limited to some cells sees only their uploads.
ALTER TABLE uploads ADD COLUMN branches VARCHAR[];
