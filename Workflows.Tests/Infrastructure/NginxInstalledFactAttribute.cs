namespace Workflows.Tests.Infrastructure;

/// <summary>A fact that is skipped, with the reason, where Debian's nginx is missing; the test installs nothing itself.</summary>
public sealed class NginxInstalledFactAttribute : FactAttribute
{
    public NginxInstalledFactAttribute()
    {
        if (!NginxProxy.Installed)
        {
            Skip = $"{NginxProxy.Executable} is missing: install Debian's nginx (apt-get install -y nginx-light; ./test.sh --postgres does).";
        }
    }
}
