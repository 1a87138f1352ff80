<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConsolePrinter</name>
    <message numerus="yes">
        <location filename="../app/cli/consoleprinter.cpp" line="+330"/>
        <source>waiting for %1 (up to %n s)</source>
        <translation>
            <numerusform>waiting for %1 (up to %n s)</numerusform>
            <numerusform>waiting for %1 (up to %n s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Replayer</name>
    <message numerus="yes">
        <location filename="../app/client/replayer.cpp" line="+47"/>
        <source>%1 did not answer within %n second(s)</source>
        <translation>
            <numerusform>%1 did not answer within %n second</numerusform>
            <numerusform>%1 did not answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResponseTimeChart</name>
    <message numerus="yes">
        <location filename="../app/gui/responsetimechart.cpp" line="+105"/>
        <source>%n recent response(s): median %1, 95th percentile %2, slowest %3</source>
        <translation>
            <numerusform>%n recent response: median %1, 95th percentile %2, slowest %3</numerusform>
            <numerusform>%n recent responses: median %1, 95th percentile %2, slowest %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StreamForwarder</name>
    <message numerus="yes">
        <location filename="../app/client/streamforwarder.cpp" line="+157"/>
        <source>The local service at %1 is down, and %n request(s) already wait for it.</source>
        <translation>
            <numerusform>The local service at %1 is down, and %n request already waits for it.</numerusform>
            <numerusform>The local service at %1 is down, and %n requests already wait for it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TunnelView</name>
    <message numerus="yes">
        <location filename="../app/gui/tunnelview.cpp" line="+201"/>
        <source>%n request(s) waiting for %1 to come back</source>
        <translation>
            <numerusform>%n request waiting for %1 to come back</numerusform>
            <numerusform>%n requests waiting for %1 to come back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+187"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>%1. Retrying in %n s.</source>
        <translation>
            <numerusform>%1. Retrying in %n s.</numerusform>
            <numerusform>%1. Retrying in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>Capture paused: %n request(s) not recorded</source>
        <translation>
            <numerusform>Capture paused: %n request not recorded</numerusform>
            <numerusform>Capture paused: %n requests not recorded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n request(s) in the last minute</source>
        <translation>
            <numerusform>%n request in the last minute</numerusform>
            <numerusform>%n requests in the last minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+141"/>
        <source>Saved %n request(s) to %1</source>
        <translation>
            <numerusform>Saved %n request to %1</numerusform>
            <numerusform>Saved %n requests to %1</numerusform>
        </translation>
    </message>
</context>
</TS>
