// End-to-end tests of `rehearse scenarios lint`: the built binary against files in a sandbox.

import Foundation
import TestSupport
import Testing

@Suite struct LintCommandTests {
    /// A second interview whose one question repeats `reference`.
    private func scenario(repeating reference: String) -> String {
        """
        version: 1
        id: lint-e2e-second
        title: Lint end to end
        role: customer-service
        role_title: Support
        kind: first
        company: Acme
        interviewers:
          - id: ana
            name: Ana Lopez
            title: Lead
            style: warm
        stages:
          - id: main
            interviewer: ana
            questions:
              - id: why
                text: "Why us?"
                repeats: \(reference)
                type: motivational

        """
    }

    @Test func repeatsMayNameABundledScenarioNotAmongThePaths() throws {
        let sandbox = try RehearseSandbox()
        let path = sandbox.root + "/second.yaml"
        try scenario(repeating: "customer-service-first/why-company").write(
            toFile: path, atomically: true, encoding: .utf8)
        let result = try sandbox.run(["scenarios", "lint", "--strict", path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("1 file checked: 0 errors, 0 warnings"))
    }

    @Test func repeatsNamingNoScenarioFailsStrict() throws {
        let sandbox = try RehearseSandbox()
        let path = sandbox.root + "/second.yaml"
        try scenario(repeating: "customer-service-frist/why-company").write(
            toFile: path, atomically: true, encoding: .utf8)
        let plain = try sandbox.run(["scenarios", "lint", path])
        #expect(plain.status == 0)
        #expect(
            plain.stdout.contains(
                "\(path):19:18: warning: 'repeats' names the scenario 'customer-service-frist', which does not exist (did you mean 'customer-service-first'?)"
            ),
            "\(plain.stdout)")
        let strict = try sandbox.run(["scenarios", "lint", "--strict", path])
        #expect(strict.status == 1)
    }

    @Test func aSyntaxErrorIsSaidInOurWordsAndTheOtherFilesAreStillChecked() throws {
        let sandbox = try RehearseSandbox()
        let broken = sandbox.root + "/a.yaml"
        let other = sandbox.root + "/b.yaml"
        try scenario(repeating: "customer-service-first/why-company").replacingOccurrences(
            of: "title: Lint end to end", with: "title: Lint: end to end"
        )
        .write(toFile: broken, atomically: true, encoding: .utf8)
        try scenario(repeating: "customer-service-first/why-company").replacingOccurrences(
            of: "style: warm", with: "style: grumpy"
        )
        .replacingOccurrences(of: "lint-e2e-second", with: "lint-e2e-other").write(
            toFile: other, atomically: true, encoding: .utf8)
        let result = try sandbox.run(["scenarios", "lint", broken, other])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                """
                \(broken):3:12: error: the value of 'title' contains ': ', which YAML reads as the start of another key \
                (put the whole value in double quotes: title: "Lint: end to end")
                    title: Lint: end to end
                               ^
                """), "\(result.stdout)")
        #expect(result.stdout.contains("\(other):12:12: error: 'grumpy' is not a valid style"))
        #expect(result.stderr.contains("2 files checked: 2 errors, 0 warnings"))
    }
}
