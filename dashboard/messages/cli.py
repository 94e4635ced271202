"""Messages of the command line (``python -m dashboard``).

Vietnamese first, with full diacritics; English alongside.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.unlocked": {"vi": "Đã gỡ khóa đăng nhập của {user}; ứng dụng đang chạy áp dụng từ lần đăng nhập tiếp theo.",
                     "en": "Sign-in unlocked for {user}; the running app applies it at the next sign-in attempt."},
    "cli.unknown_user": {"vi": "Không có người dùng {user} trong cấu hình người dùng.",
                         "en": "There is no user {user} in the user configuration."},
    "cli.users_broken": {"vi": "Cấu hình người dùng bị lỗi: {error}", "en": "The user configuration is broken: {error}"},
    "cli.busy": {"vi": "Cơ sở dữ liệu {db} đang được ứng dụng web giữ (đang chạy). Hãy tải tệp lên qua trang \"Tải dữ liệu lên\", hoặc dừng ứng dụng rồi chạy lại lệnh này.",
                 "en": "The database {db} is held by the running web app. Upload through the \"Upload data\" page, or stop the app and run this command again."},
    "cli.more_problems": {"vi": "… và {n} vấn đề khác ({errors} lỗi); xem đủ bằng --json.",
                          "en": "… and {n} more problems ({errors} errors); see them all with --json."},
    "cli.no_file": {"vi": "Không mở được tệp {file}.", "en": "Cannot open the file {file}."},
    "cli.built": {"vi": "Đã tạo cơ sở dữ liệu mẫu {db}.", "en": "Built the sample database {db}."},
    "cli.exists": {"vi": "Cơ sở dữ liệu {db} đã có; không tạo lại.", "en": "The database {db} exists; left as it is."},
    "cli.password": {"vi": "Mật khẩu: ", "en": "Password: "},
    "cli.password_again": {"vi": "Nhập lại mật khẩu: ", "en": "Password again: "},
    "cli.password_mismatch": {"vi": "Hai lần nhập không khớp.", "en": "The two entries differ."},
    "cli.password_short": {"vi": "Mật khẩu cần ít nhất 8 ký tự.", "en": "A password needs at least 8 characters."},
    "cli.migrated": {"vi": "Lược đồ cơ sở dữ liệu ở phiên bản {version}.", "en": "The database schema is at version {version}."},
}
