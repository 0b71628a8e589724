package dev.rulesync.report;

/** Test access to the GitHub escaping rules, which are package-private. */
public final class ReportFormatAccess {
    private ReportFormatAccess() {
    }

    public static String githubData(String s) {
        return GithubReport.data(s);
    }

    public static String githubProperty(String s) {
        return GithubReport.property(s);
    }
}
