<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
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
</context>
</TS>
