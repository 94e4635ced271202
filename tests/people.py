"""Users for the access tests: one users file written from a table, and signing in on a page."""

from dashboard import auth

PASSWORD = "mật-khẩu-đủ-dài"

# login: (display name, role, cells or None for every cell)
USERS = {
    "admin": ("Quản trị viên", "admin", None),
    "xem": ("Người xem", "viewer", None),
    "thuky": ("Thư ký Chi bộ Khối Hình sự", "editor", ["CB02"]),
    "xem_cb02": ("Người xem Chi bộ Khối Hình sự", "viewer", ["CB02"]),
    "quantri_cb02": ("Quản trị Chi bộ Khối Hình sự", "admin", ["CB02"]),
}


def users_file(path, monkeypatch, logins=tuple(USERS)):
    """Write a users file with ``logins`` (every one's password PASSWORD) and use it, with a fresh throttle."""
    hashed = auth.hash_password(PASSWORD)
    blocks = []
    for login in logins:
        name, role, cells = USERS[login]
        cells_line = f"branches = {cells!r}\n".replace("'", '"') if cells is not None else ""
        blocks.append(f'[users.{login}]\nname = "{name}"\nrole = "{role}"\n{cells_line}password_hash = "{hashed}"\n')
    path.write_text("\n".join(blocks), encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_USERS_FILE", str(path))
    monkeypatch.setattr(auth, "throttle", auth.LoginThrottle())
    return path


def sign_in(at, login, password=PASSWORD):
    at.text_input(key="login_name").input(login)
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()
    return at
