<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>JobTableModel</name>
    <message numerus="yes">
        <source>every %n days</source>
        <translation>
            <numerusform>every %n day</numerusform><numerusform>every %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>JobsView</name>
    <message numerus="yes">
        <source>every %n days</source>
        <translation>
            <numerusform>every %n day</numerusform><numerusform>every %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation>
            <numerusform>%n job</numerusform><numerusform>%n jobs</numerusform></translation>
    </message>
</context>
<context>
    <name>RelativeTime</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform><numerusform>%n min ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform><numerusform>%n h ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n d ago</source>
        <translation>
            <numerusform>%n d ago</numerusform><numerusform>%n d ago</numerusform></translation>
    </message>
</context>
</TS>