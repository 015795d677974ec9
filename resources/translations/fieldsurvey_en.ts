<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>fs::app::BackupPage</name>
    <message numerus="yes">
        <source>To check (%n contradiction(s))</source>
        <translation>
            <numerusform>To check (%n contradiction)</numerusform>
            <numerusform>To check (%n contradictions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::CompletenessPanel</name>
    <message numerus="yes">
        <source>%1: %n item(s) still missing.</source>
        <translation>
            <numerusform>%1: %n item still missing.</numerusform>
            <numerusform>%1: %n items still missing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::ConnectionPointPage</name>
    <message numerus="yes">
        <source>%n item(s) missing</source>
        <translation>
            <numerusform>%n item missing</numerusform>
            <numerusform>%n items missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still missing</source>
        <translation>
            <numerusform>%n item still missing</numerusform>
            <numerusform>%n items still missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>%n photo added.</numerusform>
            <numerusform>%n photos added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::DashboardView</name>
    <message numerus="yes">
        <source>%1 — %2: %n item(s)</source>
        <translation>
            <numerusform>%1 — %2: %n item</numerusform>
            <numerusform>%1 — %2: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %2, %3: %n item(s)</source>
        <translation>
            <numerusform>%1 — %2, %3: %n item</numerusform>
            <numerusform>%1 — %2, %3: %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::FloorPlanPage</name>
    <message numerus="yes">
        <source>%1 (%n pin(s))</source>
        <translation>
            <numerusform>%1 (%n pin)</numerusform>
            <numerusform>%1 (%n pins)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n page(s). Which one is the floor plan?</source>
        <translation>
            <numerusform>%1 has %n page. Which one is the floor plan?</numerusform>
            <numerusform>%1 has %n pages. Which one is the floor plan?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n photo(s)</source>
        <translation>
            <numerusform>Import %n photo</numerusform>
            <numerusform>Import %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) imported</source>
        <translation>
            <numerusform>%n photo imported</numerusform>
            <numerusform>%n photos imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n already in the survey</source>
        <translation>
            <numerusform>, %n already in the survey</numerusform>
            <numerusform>, %n already in the survey</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n could not be read</source>
        <translation>
            <numerusform>, %n could not be read</numerusform>
            <numerusform>, %n could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n other file(s) skipped</source>
        <translation>
            <numerusform>, %n other file skipped</numerusform>
            <numerusform>, %n other files skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::MainWindow</name>
    <message numerus="yes">
        <source>%n bed(s)</source>
        <translation>
            <numerusform>%n bed</numerusform>
            <numerusform>%n beds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unsynced: %n change(s)</source>
        <translation>
            <numerusform>Unsynced: %n change</numerusform>
            <numerusform>Unsynced: %n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 lines (%3 devices), %4 terminals, %5 floor plans with %6 pins. %n warning(s).</source>
        <translation>
            <numerusform>%1: %2 lines (%3 devices), %4 terminals, %5 floor plans with %6 pins. %n warning.</numerusform>
            <numerusform>%1: %2 lines (%3 devices), %4 terminals, %5 floor plans with %6 pins. %n warnings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved the report to %1 (%n page(s)).</source>
        <translation>
            <numerusform>Saved the report to %1 (%n page).</numerusform>
            <numerusform>Saved the report to %1 (%n pages).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) written to %1 without location data.</source>
        <translation>
            <numerusform>%n photo written to %1 without location data.</numerusform>
            <numerusform>%n photos written to %1 without location data.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Submitted with %n review comment(s) not marked dealt with.</source>
        <translation>
            <numerusform>Submitted with %n review comment not marked dealt with.</numerusform>
            <numerusform>Submitted with %n review comments not marked dealt with.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::ReportPreviewDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::ReviewMarks</name>
    <message numerus="yes">
        <source>Returned: %n comment(s)</source>
        <translation>
            <numerusform>Returned: %n comment</numerusform>
            <numerusform>Returned: %n comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::ReviewNotesPanel</name>
    <message numerus="yes">
        <source>Returned by %1 on %2 — %n item(s) to deal with</source>
        <translation>
            <numerusform>Returned by %1 on %2 — %n item to deal with</numerusform>
            <numerusform>Returned by %1 on %2 — %n items to deal with</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review comments (%1) — %n item(s) to deal with</source>
        <translation>
            <numerusform>Review comments (%1) — %n item to deal with</numerusform>
            <numerusform>Review comments (%1) — %n items to deal with</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::ReviewWindow</name>
    <message numerus="yes">
        <source>Reading %n survey(s)…</source>
        <translation>
            <numerusform>Reading %n survey…</numerusform>
            <numerusform>Reading %n surveys…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n survey(s)</source>
        <translation>
            <numerusform>%n survey</numerusform>
            <numerusform>%n surveys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — %n file(s) could not be read (see the tooltip)</source>
        <translation>
            <numerusform> — %n file could not be read (see the tooltip)</numerusform>
            <numerusform> — %n files could not be read (see the tooltip)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::ScanDayPage</name>
    <message numerus="yes">
        <source>%n open port(s)</source>
        <translation>
            <numerusform>%n open port</numerusform>
            <numerusform>%n open ports</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) asked for the vulnerability scan</source>
        <translation>
            <numerusform>%n line asked for the vulnerability scan</numerusform>
            <numerusform>%n lines asked for the vulnerability scan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cannot be scanned as they stand</source>
        <translation>
            <numerusform>%n cannot be scanned as they stand</numerusform>
            <numerusform>%n cannot be scanned as they stand</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) imported</source>
        <translation>
            <numerusform>%n scan imported</numerusform>
            <numerusform>%n scans imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) matched no line</source>
        <translation>
            <numerusform>%n host matched no line</numerusform>
            <numerusform>%n hosts matched no line</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — nmap %2, %3, %n host(s)</source>
        <translation>
            <numerusform>%1 — nmap %2, %3, %n host</numerusform>
            <numerusform>%1 — nmap %2, %3, %n hosts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n host(s), </source>
        <translation>
            <numerusform>%1: %n host, </numerusform>
            <numerusform>%1: %n hosts, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched to lines, </source>
        <translation>
            <numerusform>%n matched to lines, </numerusform>
            <numerusform>%n matched to lines, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) matched to a different line</source>
        <translation>
            <numerusform>%n host matched to a different line</numerusform>
            <numerusform>%n hosts matched to a different line</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::SurveyReviewPane</name>
    <message numerus="yes">
        <source> · %n open comment(s)</source>
        <translation>
            <numerusform> · %n open comment</numerusform>
            <numerusform> · %n open comments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::TerminalPage</name>
    <message numerus="yes">
        <source>%1 · %n item(s) missing</source>
        <translation>
            <numerusform>%1 · %n item missing</numerusform>
            <numerusform>%1 · %n items missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) still missing</source>
        <translation>
            <numerusform>%n item still missing</numerusform>
            <numerusform>%n items still missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added.</source>
        <translation>
            <numerusform>%n photo added.</numerusform>
            <numerusform>%n photos added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n collector file(s)</source>
        <translation>
            <numerusform>Import %n collector file</numerusform>
            <numerusform>Import %n collector files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) imported.</source>
        <translation>
            <numerusform>%n file imported.</numerusform>
            <numerusform>%n files imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::app::TimeText</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
</TS>
