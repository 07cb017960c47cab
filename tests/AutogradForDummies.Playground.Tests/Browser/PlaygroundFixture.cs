using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace AutogradForDummies.Playground.Tests.Browser;

/// <summary>
/// The published playground, served by a plain static file server on 127.0.0.1 under a base path (as GitHub Pages
/// serves it), and a headless Chromium to drive it. Publishes the site once, unless PLAYGROUND_SITE names a
/// published wwwroot folder already (CI publishes it before the tests). Without Node.js (needed by the publish) or
/// a Chromium, <see cref="SkipReason"/> says so and the browser tests skip.
/// </summary>
public sealed partial class PlaygroundFixture : IAsyncLifetime
{
    private const string BasePath = "/playground/";
    private StaticFileServer? _server;
    private IPlaywright? _playwright;

    /// <summary>Gets why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Gets the browser.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Gets the site's address.</summary>
    public Uri Address => _server!.Address;

    /// <summary>Gets the folder where the tests save their screenshots.</summary>
    public static string Screenshots { get; } = Repository.Path("artifacts/playground-screenshots");

    /// <summary>Skips the calling test, saying why, when the browser tests cannot run here.</summary>
    public void SkipUnlessAvailable()
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        string? chromium = FindChromium();
        if (chromium is null)
        {
            SkipReason = "No Chromium was found (looked for PLAYGROUND_CHROMIUM, /usr/bin/chromium, chromium, chromium-browser, google-chrome, chrome.exe and msedge.exe on PATH, and where Windows and macOS install Chrome, Chromium and Edge); install one, for example Debian's: apt-get install chromium.";
            return;
        }

        string? site = Environment.GetEnvironmentVariable("PLAYGROUND_SITE");
        string basePath = BasePath;
        if (!string.IsNullOrEmpty(site))
        {
            basePath = BaseHref().Match(await File.ReadAllTextAsync(Path.Combine(site, "index.html"))).Groups[1].Value;
        }
        else
        {
            if (!await ProcessRunner.HasAsync("npm"))
            {
                SkipReason = "Node.js (npm) was not found, and publishing the playground needs it for its graph-drawing assets; install Node.js 20 or later (https://nodejs.org) to run the browser tests.";
                return;
            }

            string output = Repository.Path("artifacts/playground-tests");
            var (exit, log) = await ProcessRunner.RunAsync(
                "dotnet",
                ["publish", "samples/Playground", "-c", "Release", "-o", output, $"-p:PlaygroundBasePath={BasePath}"],
                Repository.Root,
                TimeSpan.FromMinutes(10));
            if (exit != 0)
            {
                throw new InvalidOperationException("dotnet publish of the playground failed:\n" + log);
            }

            site = Path.Combine(output, "wwwroot");
        }

        Directory.CreateDirectory(Screenshots);
        _server = new StaticFileServer(site, basePath);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        _server?.Dispose();
    }

    /// <summary>Opens the playground in a new page and waits until the app has started.</summary>
    /// <param name="fragment">An optional tab to open, such as <c>arena</c>.</param>
    /// <returns>The page, and the list that collects the page's script errors.</returns>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string fragment = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1360, Height = 1000 },
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Status} for {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(Address, fragment.Length == 0 ? string.Empty : "#" + fragment).ToString());
        await page.Locator("#tab-explorer").WaitForAsync();
        return (page, errors);
    }

    private static string? FindChromium()
    {
        string? configured = Environment.GetEnvironmentVariable("PLAYGROUND_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        if (File.Exists("/usr/bin/chromium"))
        {
            return "/usr/bin/chromium";
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome", "chrome.exe", "msedge.exe" })
            {
                string path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        // Where Windows and macOS install Chrome, Chromium and Edge (all Chromium, which Playwright drives).
        return KnownInstallations().FirstOrDefault(File.Exists);
    }

    private static IEnumerable<string> KnownInstallations()
    {
        foreach (var folder in new[] { Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86, Environment.SpecialFolder.LocalApplicationData })
        {
            string root = Environment.GetFolderPath(folder);
            if (root.Length > 0)
            {
                yield return Path.Combine(root, "Google", "Chrome", "Application", "chrome.exe");
                yield return Path.Combine(root, "Chromium", "Application", "chrome.exe");
                yield return Path.Combine(root, "Microsoft", "Edge", "Application", "msedge.exe");
            }
        }

        yield return "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
        yield return "/Applications/Chromium.app/Contents/MacOS/Chromium";
        yield return "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
    }

    [GeneratedRegex("<base href=\"([^\"]*)\"")]
    private static partial Regex BaseHref();
}
