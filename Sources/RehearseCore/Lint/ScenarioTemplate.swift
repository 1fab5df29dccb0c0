/// Commented starter scenarios for `rehearse scenarios new`: one per kind, each passing
/// `scenarios lint --strict` as written, for the user to edit.
public enum ScenarioTemplate {
    /// The id a starter gets unless one is given: `ROLE-KIND`, e.g. `teacher-first`.
    public static func defaultID(role: String, kind: InterviewKind) -> String { "\(role)-\(kind.rawValue)" }

    /// A title for a role id: `data-analyst` → `Data Analyst`.
    public static func title(forRole role: String) -> String {
        role.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// Whether `text` is a valid id: lowercase letters, digits and '-', not starting with '-'.
    public static func isValidID(_ text: String) -> Bool { ScenarioDecoder.isSlug(text) }

    /// The starter file for a role and kind.
    /// - Parameters:
    ///   - role: The role id (a slug), e.g. `teacher`.
    ///   - roleTitle: The job title as interviewers say it; YAML-quoted here.
    ///   - kind: Which interview to script.
    ///   - id: The scenario id; `defaultID(role:kind:)` when nil.
    public static func starter(role: String, roleTitle: String, kind: InterviewKind, id: String? = nil) -> String {
        let id = id ?? defaultID(role: role, kind: kind)
        let header = """
            # A \(kind.rawValue) interview for the \(role) role: a starter to edit.
            # The format is explained in docs/scenario-format.md. Check your changes with:
            #   rehearse scenarios lint \(id).yaml
            # Text may use {candidate}, {company}, {role_title}, {interviewer}, {interviewer_title}
            # and {panel}; write {{ and }} for literal braces. Quote text that contains ': ' or '#'.

            version: 1
            id: \(id)                     # unique across all scenarios; a bundled scenario with this id is replaced
            title: \(quoted(title(for: kind, roleTitle: roleTitle)))
            role: \(role)
            role_title: \(quoted(roleTitle))
            kind: \(kind.rawValue)                 # first, second or same-person
            company: Example Company         # --company overrides it
            description: \(quoted(description(for: kind)))
            time_limit: 120                  # seconds per question, 10 to 1800; questions may set their own


            """
        switch kind {
        case .first: return header + firstBody
        case .second: return header + secondBody(role: role)
        case .samePerson: return header + samePersonBody(role: role)
        }
    }

    private static func title(for kind: InterviewKind, roleTitle: String) -> String {
        switch kind {
        case .first: "First interview — \(roleTitle)"
        case .second: "Second interview — \(roleTitle)"
        case .samePerson: "Follow-up interview — \(roleTitle)"
        }
    }

    private static func description(for kind: InterviewKind) -> String {
        switch kind {
        case .first: "A first conversation about your background, your motivation and the basics of the job."
        case .second: "A panel goes deeper: harder questions, a first-round question again, and time for yours."
        case .samePerson: "The interviewer from your first interview comes back to your thinner answers."
        }
    }

    /// A YAML double-quoted string: a JSON string literal is one, with control characters escaped.
    static func quoted(_ text: String) -> String { DocumentText.jsonString(text) }

    private static let firstBody = """
        # One interviewer. style is warm, direct, skeptical, analytical or formal: it sets how they
        # acknowledge answers.
        interviewers:
          - id: alex
            name: Alex Morgan
            title: Hiring Manager
            style: warm

        # Stages are asked in order. A stage without 'type' asks its questions.
        stages:
          - id: opening
            title: Getting to know you
            interviewer: alex
            say:
              - "Hi {candidate}, I'm {interviewer}. Thanks for coming in to talk about the {role_title} role."
            questions:
              - id: background
                text: "Could you walk me through your background, and what brings you to {company}?"
                # What kind of answer it asks for, which the review judges it by: behavioural (a past
                # example), situational (a plan), motivational (specifics about you and the company)
                # or technical (reasons). Without it, the type is guessed from the wording.
                type: motivational
                time_limit: 150
                # What a strong answer covers. The point counts as covered when any keyword is in the answer (any word form).
                talking_points:
                  - point: Relevant experience
                    keywords: [experience, worked, role, years]
                  - point: A reason to join this company
                    keywords: [company, mission, product, team]
                hint: "Two or three minutes: where you have been, what you did, and why here."
                # Follow-ups, tried in order after the answer: too_few_words, no_example, no_numbers,
                # missing_point, hedging or no_result.
                probes:
                  - when: too_few_words
                    min_words: 40
                    ask: "Could you say a little more about your most recent job?"
                  - when: missing_point
                    point: 2
                    ask: "What draws you to {company} in particular?"
              - id: strengths
                text: "What would your last manager say you do best?"
                type: behavioural
                talking_points:
                  - Strength with an example
                probes:
                  - when: no_example
                    ask: "Can you give me a time that strength made a difference?"

          - id: experience
            title: Your experience
            interviewer: alex
            say:
              - "Let's talk about some situations you've handled."
            pick: 2                          # asks 2 of these 3, chosen at random (--seed repeats a choice)
            questions:
              - id: difficult-situation
                text: "Tell me about a difficult situation at work and how you handled it."
                type: behavioural
                hint: "Situation, what you did, and how it ended."
                probes:
                  - when: no_result
                    ask: "How did it turn out in the end?"
              - id: learning
                text: "Tell me about something you had to learn quickly."
                type: behavioural
                probes:
                  - when: hedging
                    ask: "What exactly did you do to learn it?"
              - id: priorities
                text: "How do you decide what to work on first when everything is urgent?"
                type: situational
                max_probes: 2                # at most this many probes follow the answer (0 to 5)
                probes:
                  - when: no_example
                    ask: "Think of a recent busy day. What did you do first?"
                  - when: no_numbers
                    ask: "Roughly how many tasks were you juggling?"

          # The candidate asks; the interviewer replies by keyword. An empty line or /done ends it.
          - id: your-questions
            type: candidate_questions
            title: Your questions
            interviewer: alex
            say:
              - "That's all from me. What would you like to ask?"
            replies:
              - keywords: [training, learn, growth, career]
                reply: "Everyone gets a mentor in their first months, and there's a yearly training budget."
              - keywords: [team, colleagues, people]
                reply: "You'd join a team of eight, with a weekly meeting and a lot of informal help."
            fallback: "Good question. I'll find out and include the answer in my follow-up."
            max_questions: 3

        """

    private static func secondBody(role: String) -> String {
        """
        # A panel: interviewers with different styles. {panel} names them all.
        interviewers:
          - id: alex
            name: Alex Morgan
            title: Hiring Manager
            style: direct
          - id: sam
            name: Sam Okafor
            title: Senior Colleague
            style: analytical

        stages:
          - id: welcome
            title: Welcome back
            interviewer: alex
            say:
              - "Welcome back, {candidate}. Today you'll meet {panel}."
            questions:
              - id: since-first
                text: "What have you thought about since our first conversation?"
                type: motivational
                # A first-round question asked again; the review compares both answers.
                # repeats: \(role)-first/background
                talking_points:
                  - point: Reflection on the first interview
                    keywords: [thought, since, reflected, realised, realized]
                probes:
                  - when: too_few_words
                    min_words: 30
                    ask: "Can you be more specific?"

          - id: deeper
            title: Going deeper
            interviewer: sam
            say:
              - "I'm {interviewer}, {interviewer_title}. I'd like to go into more detail."
            questions:
              - id: hard-problem
                text: "Walk me through the hardest problem you have solved at work."
                type: behavioural
                time_limit: 180
                talking_points:
                  - point: The problem
                    keywords: [problem, issue, challenge]
                  - point: Your own actions
                    keywords: [i decided, i did, i built, i changed]
                  - point: The outcome
                    keywords: [result, outcome, improved, reduced, saved]
                max_probes: 2
                probes:
                  - when: missing_point
                    point: 3
                    ask: "What was the result?"
                  - when: no_numbers
                    ask: "Can you put a number on it?"
              - id: disagreement
                text: "Tell me about a time you disagreed with a colleague. What happened?"
                type: behavioural
                probes:
                  - when: no_example
                    ask: "Take one specific time. What did each of you say?"

          - id: your-questions
            type: candidate_questions
            title: Your questions
            interviewer: alex
            say:
              - "What would you like to ask us?"
            replies:
              - keywords: [next steps, timeline, decision, hear back]
                reply: "We'll decide this week and call you either way."
              - keywords: [team, day to day, typical day]
                interviewer: sam              # another panel member may give a reply
                reply: "A typical day mixes planned work with whatever comes in; we plan together every Monday."
            fallback: "I'm not sure; I'll find out and let you know."

        """
    }

    private static func samePersonBody(role: String) -> String {
        """
        # The same interviewer as in the first interview.
        interviewers:
          - id: alex
            name: Alex Morgan
            title: Hiring Manager
            style: warm

        stages:
          # Goes back to the thinnest answers of your most recent first interview for this role.
          # 'ask' must use {previous_question} or {previous_answer}. Without an earlier transcript,
          # the stage asks its own questions instead.
          - id: revisit
            type: revisit
            title: Back to last time
            interviewer: alex
            say:
              - "Good to see you again, {candidate}. I'd like to pick up where we left off."
            pick: 2                          # how many earlier answers to revisit
            time_limit: 180
            # from_scenario: \(role)-first    # revisit this scenario's transcripts only
            ask: "Last time I asked: {previous_question} You said: \\"{previous_answer}\\" Could you take me through it in more depth?"
            questions:
              - id: revisit-background
                text: "Remind me of your background. What would you add to what you told me last time?"
                type: motivational
                probes:
                  - when: too_few_words
                    ask: "Could you say a little more?"
              - id: revisit-motivation
                text: "Has anything changed in why you want to work at {company}?"
                type: motivational
                probes:
                  - when: hedging
                    ask: "In one sentence: why here?"

          - id: concerns
            title: Open questions
            interviewer: alex
            questions:
              - id: concern
                text: "One thing I wasn't sure about last time was your experience with larger teams. What can you tell me?"
                type: behavioural
                talking_points:
                  - point: Experience with other people
                    keywords: [team, colleagues, together, collaborated]
                probes:
                  - when: no_example
                    ask: "Can you give me an example?"

          - id: your-questions
            type: candidate_questions
            title: Your questions
            interviewer: alex
            say:
              - "What would you like to ask me this time?"
            replies:
              - keywords: [next steps, decision, timeline]
                reply: "I'll let you know by the end of the week."
            fallback: "I'll find out and put it in my email to you."

        """
    }
}
