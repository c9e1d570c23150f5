### careguide's own interface text in English, in Fluent's format
### (https://projectfluent.org). Every language file must have exactly these
### messages; `careguide check` reports a missing or unknown one.
### { $name } marks a value the app fills in: keep every { $name } of a message.
### A number can choose the words by the language's plural rules:
###     { $n ->
###         [one] { $n } day
###        *[other] { $n } days
###     }
### Lists (weekdays, months) are written as one message, comma-separated.

language-name = English

## Dates and days
weekdays = Mon, Tue, Wed, Thu, Fri, Sat, Sun
weekdays-long = Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday
months = Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec
months-long = January, February, March, April, May, June, July, August, September, October, November, December
date = { $weekday } { $day } { $month } { $year }
day = Day { $n }
day-range = Days { $from } to { $to }
day-with-date = { $day }, { $date }
days-before =
    { $n ->
        [one] { $n } day before
       *[other] { $n } days before
    }
day-of-treatment = The day of your treatment
today = Today
today-marker = TODAY
minutes-about =
    { $n ->
        [one] about { $n } minute
       *[other] about { $n } minutes
    }
minutes-range = about { $min } to { $max } minutes
minutes-exact =
    { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
date-short = { $weekday } { $day } { $month }
ref-day = Day { $n }
ref-days-before =
    { $n ->
        [one] { $n } day before your treatment
       *[other] { $n } days before your treatment
    }
ref-with-date = { $day } ({ $date })
phone-unknown = the phone number on your appointment card

## Plan sections
main-message = The main thing to remember
overview = Overview
what-it-is = What it is
preparation = Before your treatment
screening = Stop and ask staff before treatment if you answer yes to any of these
screening-stop = STOP: ask staff before treatment
numbing = Numbing
numbing-minutes = It stays on for { $minutes }.
expect-short = Expect
do-short = Do
avoid-short = Avoid
numbing-what = What is used
what-happens = What happens
what-you-feel = What you will feel
safety = Safety
procedure = Your treatment
procedure-duration = It takes { $minutes }.
right-after = Right after
aftercare = Aftercare, day by day
expect = What to expect
to-do = What to do
restrictions = Limits, day by day
restrictions-intro = Each line shows the days a limit applies.
restriction-avoid = avoid
restriction-do = keep doing
restriction-days = { $label }: { $range }
restriction-until = Day { $from } to Day { $to }
day-axis = Day
column-limit = Limit
column-days = Days
column-note = Note
widened = (longer { $label })
visit-when = { $day } or later, on the day your clinic sets
visit-legend = visit
chart-continues = more days off the chart
in-force-today = In force today
warning-signs = When to call
call-clinic = Call the clinic if you have
emergency = Get emergency care right away if you have
normal-or-call = Normal, or a reason to call?
normal-heading = This is normal
call-heading = Call us about this
contact = Contact
contact-phone = Phone
contact-after-hours = After hours
disclaimer = Please note
key-points = Key points
teach-back = Ask the patient
glossary = Words to know
addons = Added to this plan
from-addon = ({ $label })
plan-for = Your plan
treatment-date = Treatment date
no-treatment-date = No treatment date set: days are counted from the treatment day, Day 0.
content-version = Content version { $version }, reviewed { $date }

## Screens and navigation
tab-picker = Guide
tab-date = Date
tab-overview = Overview
tab-preparation = Prepare
tab-numbing = Numbing
tab-procedure = Treatment
tab-aftercare = Aftercare
tab-timeline = Limits
tab-call = When to call
title-picker = Choose a guide
title-date = Treatment date
header-treatment = Treatment { $date }
header-today = Today: { $day }
header-no-date = No treatment date
too-small = Make the window at least { $width }×{ $height }
back = Back
next = Next
step-of = Step { $n } of { $total }: { $name }
search-prompt = Search
search-hint = Enter to search, Esc to cancel
search-none = No match for “{ $query }”
search-status = Match { $n } of { $total } for “{ $query }” (n next, N previous)
reload-errors-title = The guide file has errors. The last good version is shown.

## Overview
overview-plan-holds = This plan holds
holds-preparation = Before: { $steps } things to do and { $questions } questions to check
holds-numbing = Numbing: { $minutes }
holds-procedure = The treatment: { $minutes }
holds-aftercare =
    { $parts ->
        [one] Aftercare from Day 0 to Day { $last }, in { $parts } part
       *[other] Aftercare from Day 0 to Day { $last }, in { $parts } parts
    }
holds-limits =
    { $n ->
        [one] { $n } limit, on a day-by-day chart
       *[other] { $n } limits, on a day-by-day chart
    }
holds-call = When to call the clinic

## Preparation
checklist-done = { $done } of { $total } done
yes = YES

## Numbing countdown
timer-ready = Not started
timer-running = Counting down
timer-paused = Paused
timer-done = TIME IS UP

## Aftercare and limits
days-short = Days { $from }–{ $to }
aftercare-ended = Today is Day { $n }. The day-by-day aftercare ended on Day { $last }.
limits-today = Limits on this day
limits-on-days = Limits on these days
no-limits = No limits.
limit-until = until Day { $n }

## Guide picker and date
picker-intro = Choose the treatment, then tick any add-ons.
language-label = Language
date-intro = When is the treatment day (Day 0)? Type the date (like 11/20/2026 or 2026-11-20), or use the buttons.
date-none = No date yet: days will show as Day 0, Day 1, ...
relative-today = today
relative-yesterday = yesterday
relative-tomorrow = tomorrow
relative-past =
    { $n ->
        [one] { $n } day ago
       *[other] { $n } days ago
    }
relative-future =
    { $n ->
        [one] in { $n } day
       *[other] in { $n } days
    }
button-today = Today
button-day = 1 day
button-no-date = No date

## Windows
help-title = Keys
help-here = On this screen
help-everywhere = Everywhere
help-windows = In a window
help-mouse = Mouse: click the tabs, the buttons and the list items. The wheel scrolls.
glossary-empty = This guide has no word list.
index-title = Go to

## What each key does (help and footer)
key-close = Close
key-move = Move
key-choose = Choose
key-language = Language
key-today = Today
key-date-later = A day later
key-date-earlier = A day earlier
key-date-change = A day earlier or later
key-skip = No date
key-next = Next
key-delete = Delete
key-tick = Tick
key-timer = Start or pause
key-timer-reset = Reset
key-next-day = Next day
key-prev-day = Previous day
key-back = Back
key-scroll = Scroll
key-first = First step
key-last = Last step
key-section-number = Go to section
key-index = Sections
key-search = Search
key-search-next = Next match
key-search-prev = Previous match
key-call = When to call
key-glossary = Words to know
key-teach-back = Show or hide ask-the-patient prompts
key-help = Help
key-quit = Quit

## Kiosk
welcome-purpose = This screen explains your skin treatment: how to get ready, and how to care for your skin after.
welcome-start = Press any key or touch the screen to start
welcome-language = Language
path-question = Where are you with your treatment?
path-ready = I am getting ready for my treatment
path-ready-detail = How to prepare, the numbing and what the treatment is like
path-treated = I had my treatment
path-treated-detail = How to care for your skin today and the days after
kiosk-date-question = When did you have your treatment?
days-ago-button =
    { $n ->
        [one] { $n } day ago
       *[other] { $n } days ago
    }
kiosk-date-question-ahead = When is your treatment?
in-days-button =
    { $n ->
        [one] In { $n } day
       *[other] In { $n } days
    }
date-not-sure = I am not sure
start-over = Start over
still-there = Still there?
still-there-detail = Touch the screen or press a key to keep reading.
starting-over-in =
    { $n ->
        [one] Starting over in { $n } second
       *[other] Starting over in { $n } seconds
    }
kiosk-hint = Touch a button, or use the arrow keys and Enter
staff-pin-title = Staff
staff-pin-prompt = Staff PIN:
pin-wrong = Wrong PIN.
pin-locked =
    { $seconds ->
        [one] Too many wrong PINs. Try again in { $seconds } second (Esc closes).
       *[other] Too many wrong PINs. Try again in { $seconds } seconds (Esc closes).
    }
staff-exit-off = Staff exit is off on this kiosk.
kiosk-today-day = Today is Day { $n } after your treatment
kiosk-treatment-in =
    { $n ->
        [0] Your treatment is today
        [one] Your treatment is tomorrow
       *[other] Your treatment is in { $n } days
    }

## Take-home copy
key-export = Save a take-home copy
key-print = Print the plan
exported = Saved the take-home copy: { $path }
export-failed = Could not save the take-home copy: { $error }
printed = Sent the plan to the printer.
print-failed = Could not print: { $error }
print-button = Print
print-off = Printing is not set up on this computer.

## Plain mode
plain-choose-language = Choose a language: type its number and press Enter.
plain-choose-guide = Choose a guide: type its number and press Enter.
plain-choose-addons = Add-ons: type the numbers of any you are having, then press Enter. Press Enter alone for none.
plain-date = Treatment date (like 11/20/2026 or 2026-11-20), then Enter. Press Enter alone to skip.
plain-invalid = Please type one of the numbers shown.
plain-continue = Section { $n } of { $total }. Press Enter to go on, or type q and Enter to stop.
plain-end = That is the whole plan.

## Added in this round
yes-clear = Yes, clear
no-keep = No, keep
key-page-down = Page down
key-page-up = Page up
key-top = To the top
key-bottom = To the end
key-go-today = Go to today
key-go-date = Go to a date
key-read-aloud = Read aloud
key-qr = Take-home QR code
key-new-patient = New patient
keyname-page-up = PgUp
keyname-page-down = PgDn
keyname-home = Home
keyname-end = End
keyname-enter = Enter
keyname-esc = Esc
keyname-tab = Tab
keyname-backspace = Backspace
keyname-space = Space
keyname-ctrl = Ctrl
timer-alert = NUMBING TIME IS UP: the cream has been on for { $minutes }. Press any key.
reload-gone = guide `{ $guide }` ({ $language }) is no longer in the guides folder
no-date-for-today = No treatment date is set, so there is no day to go to. Set the date first (Home, then Next).
new-patient-done = Cleared for a new patient.
new-patient-title = New patient
new-patient-question = Clear everything about this patient? The date, add-ons, ticks and answers go. The guide stays.
kiosk-date-needed = Choose a day above, or type the date.
kiosk-date-future = That date is after today. Check the date, or go back and choose "I am getting ready".
kiosk-date-past = That date has passed. Check the date, or go back and choose "I had my treatment".
date-error-shape = That is not a date. Type it like 11/20/2026 or 2026-11-20.
date-error-month = That is not a date: the month must be 1 to 12.
date-error-year = That is not a date: check the year.
date-error-day = That is not a date: { $month } { $year } has { $days } days.
go-to-date-title = Go to a date
go-to-date-prompt = Date
print-title = Print
print-whole = The whole plan
print-from-today = Only the days still to come
stop-more = { $n } more: see the list below
day-passed = already passed: do it now if you have not
day-passed-done = passed
badge-numbing = numbing
help-touch = Touch: tap the buttons and the list items. The ▲ and ▼ buttons, or the bar at the right, move the text.
qr-intro = Point a phone camera at the code: it holds your plan's dates and the clinic phone. Nothing goes online.
qr-too-small = Make the window larger to show the QR code (it needs { $w } columns and { $h } rows).
speech-missing = Read aloud is not set up on this computer. Ask staff to help you.
speech-failed = Could not read aloud: { $error }
milestone-limit-ends = From today, this limit is over: { $label }
milestone-do-starts = Start today: { $label }
calendar-contact = Questions? Call { $clinic } at { $phone }.
calendar-guide = From your care plan: { $title }
qr-treatment = { $treatment }: { $date }
qr-limit-until = { $label }: until { $date }
qr-emergency = Emergency: { $call }
kiosk-read-aloud = Read aloud
kiosk-take-home = To your phone
kiosk-reading = Reading aloud. Touch anywhere to stop.
kiosk-more-below = More below: touch ▼ More
kiosk-page-up = ▲ Up
kiosk-page-down = ▼ More
key-calendar = Save the reminders as a calendar file
calendar-saved = Saved the reminders (import into a phone's calendar): { $path }
calendar-needs-date = Set the treatment date first: reminders need dates.
chart-title = Chart of your limits, day by day
chart-desc = One row for each limit, in the order of the table below. A bar covers the days the limit applies: hatched for something to avoid, dotted for something to keep doing. A solid line marks the day of your treatment.
chart-treatment = Treatment (Day 0)
limit-until-date = until { $date }
qr-caption = Scan with your phone camera to keep your plan's dates and the clinic phone. Nothing goes online.
qr-caption-url = Scan with your phone camera to open your clinic's page.

## The plain kiosk (--kiosk --plain)
plain-kiosk-menu = Type a number and press Enter. Enter alone goes to the next section.
plain-kiosk-section = Section { $n } of { $total }
plain-kiosk-date-typed = Or type the date, like 11/20/2026, and press Enter.
plain-kiosk-keep-reading = Press Enter to keep reading.
plain-kiosk-starting-over = No one has typed for a while, so this starts over. Nothing you chose is kept.
plain-kiosk-pin-locked =
    { $seconds ->
        [one] Too many wrong PINs. Try again in { $seconds } second.
       *[other] Too many wrong PINs. Try again in { $seconds } seconds.
    }
