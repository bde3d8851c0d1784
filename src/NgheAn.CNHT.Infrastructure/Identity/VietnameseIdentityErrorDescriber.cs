using Microsoft.AspNetCore.Identity;

namespace NgheAn.CNHT.Infrastructure.Identity;

/// <summary>Identity's messages in Vietnamese.</summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Đã có lỗi xảy ra.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Tài khoản vừa được người khác thay đổi; vui lòng tải lại trang.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Mật khẩu không đúng.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Mã xác nhận không hợp lệ.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Tài khoản đăng nhập này đã được gắn với người dùng khác.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"Tên đăng nhập \"{userName}\" không hợp lệ.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"Thư điện tử \"{email}\" không hợp lệ.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Tên đăng nhập \"{userName}\" đã được dùng.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Thư điện tử \"{email}\" đã được dùng.");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"Vai trò \"{role}\" không hợp lệ.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"Vai trò \"{role}\" đã tồn tại.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "Người dùng đã có mật khẩu.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Tài khoản không bật khóa khi đăng nhập sai.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"Người dùng đã có vai trò \"{role}\".");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"Người dùng không có vai trò \"{role}\".");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Mật khẩu phải có ít nhất {length} ký tự.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ít nhất một ký tự đặc biệt (ví dụ @, #, !).");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Mật khẩu phải có ít nhất một chữ số.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Mật khẩu phải có ít nhất một chữ thường.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Mật khẩu phải có ít nhất một chữ hoa.");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "Mã khôi phục không đúng.");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
