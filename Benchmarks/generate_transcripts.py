#!/usr/bin/env python3
"""Writes realistic rehearse transcripts (JSON Lines, format version 1) for benchmarks and manual tests.

Each transcript has a header, stages, interviewer lines, questions with talking points and time
limits, answers typed keystroke by keystroke (with corrections, continuation lines and pauses),
follow-up probes, commands, a limit notice now and then, questions to the panel and an end line.
About 2% are cut off mid-line (a crash), about 5% end with quit.

    generate_transcripts.py --count 10000 --out /tmp/bench/transcripts
    generate_transcripts.py --count 1 --questions 200 --out /tmp/big/transcripts

The output is reproducible: the same --seed writes the same files.
"""
import argparse
import datetime
import json
import os
import random

ROLES = ["customer-service", "data-analyst", "nursing", "product-manager", "sales", "software-engineer"]
KINDS = ["first", "second", "same-person"]
PEOPLE = [("rafael", "Rafael Ortiz", "Customer Support Manager", "direct"),
          ("joanne", "Joanne Fairley", "Senior Support Specialist", "warm"),
          ("piotr", "Piotr Nowicki", "Support Quality Analyst", "analytical"),
          ("helen", "Helen Achebe", "Director of Customer Experience", "skeptical")]
QUESTIONS = [
    ("why-company", "What made you apply to us in particular, and what have you learned about us since?"),
    ("escalate-or-own", "How do you decide whether to sort out a problem yourself or pass it on? Give me a real case."),
    ("own-metrics", "Which numbers did your last team track, and where did you personally sit against them?"),
    ("colleague-disagreement", "Tell me about a time you and a colleague disagreed on how to handle a customer."),
    ("helping-teammate", "Describe a time you helped a teammate who was new or having a hard time."),
    ("pressure", "Walk me through a day when everything went wrong at once. What did you do first?"),
    ("feedback", "Tell me about feedback that was hard to hear. What did you change afterwards?"),
    ("angry-customer", "A customer is shouting about a bill that is correct. What do you say?"),
    ("strength", "What would your last manager say you do better than anyone on the team?"),
    ("five-years", "Where do you want to be in a few years, and how does this role fit?"),
]
SENTENCES = [
    "Last year a customer called because an order was lost, and I handled it from start to finish.",
    "I called the warehouse, found the parcel, and we shipped a replacement within 2 days.",
    "As a result the customer stayed with us and complaints dropped by about 30 percent that quarter.",
    "Um, I think it was basically a question of listening first and then explaining the options.",
    "We had a queue of 400 tickets and I set up a rota so that nobody worked late two nights running.",
    "In my previous job I trained three new starters and sat with them for their first week.",
    "The situation was tense, but I stayed calm and asked what outcome they needed.",
    "Honestly I'm not sure, maybe I would ask my manager before promising anything.",
    "We reduced the average handle time from 9 minutes to 6 minutes over three months.",
    "I noticed the same complaint kept coming back, so I wrote a short guide for the team.",
    "It was, like, a really busy week and we kind of just got through it together.",
    "My satisfaction score was 94 percent, which put me in the top five of a team of twenty.",
]
POINTS = [
    {"point": "A concrete case", "keywords": ["one time", "last year", "for example", "i remember"]},
    {"point": "Your own results", "keywords": ["percent", "average", "target", "score"]},
    {"point": "What you did", "keywords": ["showed", "explained", "called", "trained"]},
]


def write_line(out, value):
    out.write(json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")))
    out.write("\n")


def typing_for(text, rng, think_ms):
    """Keystrokes that type `text`, with corrections and pauses; returns (steps, keystrokes, corrections, longest, total)."""
    steps = []
    line = ""
    keystrokes = corrections = 0
    longest = 0
    first = True
    for character in text:
        if character == "\n":
            # Continuation: the typed backslash becomes a newline.
            delay = rng.randint(80, 200)
            steps.append([delay, len(line), 0, "\\"])
            line += "\\"
            delay2 = rng.randint(300, 900)
            steps.append([delay2, len(line) - 1, 1, "\n"])
            line = line[:-1] + "\n"
            keystrokes += 2
            continue
        delay = think_ms if first else rng.choice([rng.randint(60, 220)] * 30 + [rng.randint(1500, 9000)])
        first = False
        longest = max(longest, delay)
        if rng.random() < 0.03 and character.isalpha():
            # A typo, then a backspace.
            steps.append([delay, len(line), 0, "x"])
            steps.append([rng.randint(150, 400), len(line), 1, ""])
            keystrokes += 2
            corrections += 1
            delay = rng.randint(60, 200)
        steps.append([delay, len(line), 0, character])
        line += character
        keystrokes += 1
    steps.append([rng.randint(100, 500)])  # Enter
    total = sum(step[0] for step in steps)
    return steps, keystrokes + 1, corrections, longest, total


def transcript(rng, index, questions, start):
    session = "%08x" % rng.getrandbits(32)
    role = rng.choice(ROLES)
    kind = rng.choice(KINDS)
    started = start + datetime.timedelta(minutes=37 * index + rng.randint(0, 30))
    header = {
        "app_version": "0.1.0", "candidate": "Sam", "company": "Brightmoor Home Energy", "format": "rehearse-transcript",
        "interviewers": [{"id": p[0], "name": p[1], "title": p[2], "style": p[3]} for p in PEOPLE],
        "kind": kind, "role": role, "role_title": role.replace("-", " ").title(),
        "scenario": {"checksum": "%016x" % rng.getrandbits(64), "id": "%s-%s" % (role, kind),
                     "path": "scenarios/%s-%s.yaml" % (role, kind), "title": "%s interview — %s" % (kind.title(), role)},
        "seed": rng.randint(0, 999999), "session": session, "started": started.strftime("%Y-%m-%dT%H:%M:%SZ"), "version": 1,
    }
    events = []
    t = 0
    answered = set()
    asked = set()
    for number in range(1, questions + 1):
        speaker = PEOPLE[(number - 1) * len(PEOPLE) // questions][0]
        if number == 1 or (number - 1) % max(1, questions // 4) == 0:
            events.append({"type": "stage", "t": t, "stage": "stage-%d" % number, "title": "Part %d" % number, "interviewer": speaker})
            events.append({"type": "say", "t": t, "speaker": speaker, "text": "Let's talk about how you work with customers and colleagues."})
        qid, text = QUESTIONS[(number - 1) % len(QUESTIONS)]
        qid = qid if questions <= len(QUESTIONS) else "%s-%d" % (qid, number)
        limit = rng.choice([90, 120, 150])
        ask = {"type": "ask", "t": t, "question": qid, "speaker": speaker, "text": text, "number": number, "total": questions,
               "limit_s": limit, "talking_points": POINTS}
        if rng.random() < 0.1:
            ask["repeats"] = "%s-first/%s" % (role, qid)
        events.append(ask)
        asked.add(qid)
        if rng.random() < 0.05:
            t += rng.randint(2000, 8000)
            events.append({"type": "command", "t": t, "name": "skip", "question": qid})
            continue
        has_probe = rng.random() < 0.3
        for attempt in range(2 if has_probe else 1):
            if attempt == 1:
                t += 5
                events.append({"type": "ask", "t": t, "question": qid, "speaker": speaker, "probe": "no_numbers",
                               "text": "Can you put a number on that?", "number": number, "total": questions, "limit_s": limit})
            words = rng.sample(SENTENCES, rng.randint(1, 4))
            answer_text = " ".join(words)
            if rng.random() < 0.1 and len(words) > 1:
                answer_text = words[0] + "\n" + " ".join(words[1:])
            think = rng.choice([rng.randint(1500, 12000)] * 8 + [rng.randint(30000, 60000)])
            steps, keys, corrections, longest, total = typing_for(answer_text, rng, think)
            over = total > limit * 1000
            if over:
                events.append({"type": "notice", "t": t + limit * 1000, "question": qid,
                               "text": "%d s have passed for this question. Finish your thought; your text is kept." % limit})
            t += total
            answer = {"type": "answer", "t": t, "question": qid, "text": answer_text, "typing": steps,
                      "timing": {"think_ms": think, "answer_ms": total - think, "paused_ms": 0, "keystrokes": keys,
                                 "corrections": corrections, "longest_pause_ms": longest, "limit_s": limit, "over_limit": over}}
            if attempt == 1:
                answer["probe"] = "no_numbers"
            events.append(answer)
            answered.add(qid)
        t += 5
        events.append({"type": "say", "t": t, "speaker": speaker, "text": "Thank you."})
    if kind != "first":
        events.append({"type": "stage", "t": t, "stage": "your-questions", "title": "Your questions", "interviewer": "helen"})
        for _ in range(rng.randint(0, 2)):
            t += rng.randint(5000, 20000)
            events.append({"type": "candidate_question", "t": t, "text": "How does the team measure success?",
                           "speaker": "helen", "reply": "Mostly by what customers tell us.", "matched": None})
        t += 3000
        events.append({"type": "command", "t": t, "name": "done", "question": None})
    status = "quit" if rng.random() < 0.05 else "completed"
    events.append({"type": "end", "t": t, "status": status, "answered": len(answered), "asked": len(asked)})
    return header, events, session, started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--questions", type=int, default=10, help="questions per transcript")
    parser.add_argument("--out", required=True, help="the transcripts folder to fill")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cut-off-share", type=float, default=0.02)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    start = datetime.datetime(2025, 1, 6, 9, 0, 0)
    for index in range(args.count):
        header, events, session, started = transcript(rng, index, args.questions, start)
        path = os.path.join(args.out, started.strftime("%Y-%m-%dT%H%M%SZ") + "-" + session + ".jsonl")
        with open(path, "w", encoding="utf-8") as out:
            write_line(out, header)
            if rng.random() < args.cut_off_share:
                for event in events[: len(events) // 2]:
                    write_line(out, event)
                partial = json.dumps(events[len(events) // 2], sort_keys=True)
                out.write(partial[: len(partial) // 2])  # cut off mid-line, no newline
            else:
                for event in events:
                    write_line(out, event)
        os.chmod(path, 0o600)


if __name__ == "__main__":
    main()
