using Microsoft.AspNetCore.Identity;
using Open311.Core.Catalog;
using Open311.Core.Staff;

namespace Open311.Api.Hosting;

/// <summary>One demo account per role (and a second department's staff), all with the password <see cref="Password"/>.</summary>
public static class DemoStaff
{
    public const string Password = "open311-demo";

    public static IEnumerable<StaffAccount> Accounts(IReadOnlyList<Department> departments, IPasswordHasher<StaffAccount> passwords, DateTimeOffset now)
    {
        StaffAccount Make(string username, string name, StaffRole role, string? department = null)
        {
            var account = new StaffAccount
            {
                JurisdictionId = DemoCatalog.JurisdictionId,
                Username = username,
                DisplayName = name,
                Email = $"{username}@heraklion.gr",
                Role = role,
                DepartmentId = department is null ? null : departments.Single(d => d.Name["en"] == department).Id,
                CreatedAt = now,
            };
            account.PasswordHash = passwords.HashPassword(account, Password);
            return account;
        }

        yield return Make("admin", "Μαρία Διαχειρίστρια", StaffRole.Admin);
        yield return Make("dispatcher", "Γιώργος Τηλεφωνητής", StaffRole.Dispatcher);
        yield return Make("lighting", "Νίκος Ηλεκτρολόγος", StaffRole.Staff, "Street Lighting Section");
        yield return Make("roads", "Ελένη Οδοποιός", StaffRole.Staff, "Roads Section");
        yield return Make("viewer", "Αντιδήμαρχος Καθημερινότητας", StaffRole.Viewer);
    }
}
