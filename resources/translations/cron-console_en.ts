<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RunStore</name>
    <message numerus="yes">
        <source>writing the output of %n run(s)</source>
        <translation>
            <numerusform>writing the output of %n run</numerusform>
            <numerusform>writing the output of %n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>trimming the output of %n run(s)</source>
        <translation>
            <numerusform>trimming the output of %n run</numerusform>
            <numerusform>trimming the output of %n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>recording the start of %n run(s)</source>
        <translation>
            <numerusform>recording the start of %n run</numerusform>
            <numerusform>recording the start of %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeaseStore</name>
    <message numerus="yes">
        <source>recording %n run(s)</source>
        <translation>
            <numerusform>recording %n run</numerusform>
            <numerusform>recording %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message numerus="yes">
        <source>No answer within %n s. Check the host, port and firewall.</source>
        <translation>
            <numerusform>No answer within %n s. Check the host, port and firewall.</numerusform>
            <numerusform>No answer within %n s. Check the host, port and firewall.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DurationChart</name>
    <message numerus="yes">
        <source>%1: last %n run(s)</source>
        <translation>
            <numerusform>%1: last run</numerusform>
            <numerusform>%1: last %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryExport</name>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation type="vanished">
            <numerusform>%n row exported to %1.</numerusform>
            <numerusform>%n rows exported to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) exported to %1.</source>
        <translation>
            <numerusform>%Ln row exported to %1.</numerusform>
            <numerusform>%Ln rows exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>%Ln row(s), loading more…</source>
        <translation>
            <numerusform>%Ln row, loading more…</numerusform>
            <numerusform>%Ln rows, loading more…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) so far (scroll for more)</source>
        <translation>
            <numerusform>%Ln row so far (scroll for more)</numerusform>
            <numerusform>%Ln rows so far (scroll for more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobActionController</name>
    <message numerus="yes">
        <source>%1; %n failed</source>
        <translation>
            <numerusform>%1; %n failed</numerusform>
            <numerusform>%1; %n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is pending again</source>
        <translation>
            <numerusform>%1 is pending again</numerusform>
            <numerusform>%1 are pending again</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobSummaryBar</name>
    <message numerus="yes">
        <source>%Ln failing</source>
        <translation>
            <numerusform>%Ln failing</numerusform>
            <numerusform>%Ln failing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stuck</source>
        <translation>
            <numerusform>%Ln stuck</numerusform>
            <numerusform>%Ln stuck</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln running</source>
        <translation>
            <numerusform>%Ln running</numerusform>
            <numerusform>%Ln running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln due</source>
        <translation>
            <numerusform>%Ln due</numerusform>
            <numerusform>%Ln due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln disabled</source>
        <translation>
            <numerusform>%Ln disabled</numerusform>
            <numerusform>%Ln disabled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobTableModel</name>
    <message numerus="yes">
        <source>every %n days</source>
        <translation type="vanished">
            <numerusform>every %n day</numerusform>
            <numerusform>every %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobsView</name>
    <message numerus="yes">
        <source>every %n days</source>
        <translation type="vanished">
            <numerusform>every %n day</numerusform>
            <numerusform>every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n h</source>
        <translation>
            <numerusform>every %n h</numerusform>
            <numerusform>every %n h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation type="vanished">
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This workstation is running jobs as %1 (%n running now). Quitting stops the runner: running jobs get their grace time to finish.</source>
        <translation>
            <numerusform>This workstation is running jobs as %1 (%n running now). Quitting stops the runner: running jobs get their grace time to finish.</numerusform>
            <numerusform>This workstation is running jobs as %1 (%n running now). Quitting stops the runner: running jobs get their grace time to finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln jobs</source>
        <translation>
            <numerusform>%Ln job</numerusform>
            <numerusform>%Ln jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResetDialog</name>
    <message numerus="yes">
        <source>Reset %n jobs</source>
        <translation>
            <numerusform>Reset %n job</numerusform>
            <numerusform>Reset %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reset puts the %n jobs back to pending. A runner still working on one of them can no longer record its result.</source>
        <translation>
            <numerusform>Reset puts the job back to pending. A runner still working on it can no longer record its result.</numerusform>
            <numerusform>Reset puts the %n jobs back to pending. A runner still working on one of them can no longer record its result.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Reset %n jobs</source>
        <translation>
            <numerusform>&amp;Reset %n job</numerusform>
            <numerusform>&amp;Reset %n jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n d ago</numerusform>
            <numerusform>%n d ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunnerConfigEditor</name>
    <message numerus="yes">
        <source>Valid: %n job(s). Not saved yet.</source>
        <translation>
            <numerusform>Valid: %n job. Not saved yet.</numerusform>
            <numerusform>Valid: %n jobs. Not saved yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Valid: %n job(s).</source>
        <translation>
            <numerusform>Valid: %n job.</numerusform>
            <numerusform>Valid: %n jobs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunOutputView</name>
    <message numerus="yes">
        <source>No output of %1 is recorded yet: History lists its %n earlier execution(s), without output.</source>
        <translation>
            <numerusform>No output of %1 is recorded yet: History lists its earlier execution, without output.</numerusform>
            <numerusform>No output of %1 is recorded yet: History lists its %n earlier executions, without output.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunsView</name>
    <message numerus="yes">
        <source>%n run(s) of %1, newest first.</source>
        <translation>
            <numerusform>%n run of %1, newest first.</numerusform>
            <numerusform>%n runs of %1, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message numerus="yes">
        <source>every %n h</source>
        <translation>
            <numerusform>every %n h</numerusform>
            <numerusform>every %n h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleEditor</name>
    <message numerus="yes">
        <source>Next %n run(s):</source>
        <translation>
            <numerusform>Next %n run:</numerusform>
            <numerusform>Next %n runs:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It has never run, so it runs at once (at a runner&apos;s next check), then every %n h.</source>
        <translation>
            <numerusform>It has never run, so it runs at once (at a runner&apos;s next check), then every %n h.</numerusform>
            <numerusform>It has never run, so it runs at once (at a runner&apos;s next check), then every %n h.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkstationSwitch</name>
    <message numerus="yes">
        <source>Runner: %n running</source>
        <translation>
            <numerusform>Runner: %n running</numerusform>
            <numerusform>Runner: %n running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping… (waiting for %n running job(s))</source>
        <translation>
            <numerusform>Stopping… (waiting for %n running job)</numerusform>
            <numerusform>Stopping… (waiting for %n running jobs)</numerusform>
        </translation>
    </message>
</context>
</TS>
