-- Who did what: logins (and failed ones), logouts, uploads, undo, exports.
CREATE SEQUENCE audit_seq START 1;
CREATE TABLE audit (
    audit_id  BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
    happened_at TIMESTAMP NOT NULL,
    user_name VARCHAR NOT NULL,
    action    VARCHAR NOT NULL,   -- login | login_failed | logout | upload | upload_rejected | undo | export | expired
    detail    VARCHAR
);
