<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AboutDialog</name>
    <message numerus="yes">
        <source>en %n meer in %1</source>
        <translation>
            <numerusform>en %n meer in %1</numerusform>
            <numerusform>en %n meer in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message numerus="yes">
        <source>%n bestanden veranderen: %2. Controleer het plan en kies Uitvoeren.</source>
        <translation>
            <numerusform>%n bestand verandert: %2. Controleer het plan en kies Uitvoeren.</numerusform>
            <numerusform>%n bestanden veranderen: %2. Controleer het plan en kies Uitvoeren.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupBar</name>
    <message numerus="yes">
        <source>%n bestanden</source>
        <translation>
            <numerusform>%n bestand</numerusform>
            <numerusform>%n bestanden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>%n versies</source>
        <translation>
            <numerusform>%n versie</numerusform>
            <numerusform>%n versies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelDialog</name>
    <message numerus="yes">
        <source>Label %n documenten</source>
        <translation>
            <numerusform>Label %n document</numerusform>
            <numerusform>Label %n documenten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Niet-opgeslagen werk gevonden in %n documenten; open een document om het te herstellen</source>
        <translation>
            <numerusform>Niet-opgeslagen werk gevonden in %n document; open het om het te herstellen</numerusform>
            <numerusform>Niet-opgeslagen werk gevonden in %n documenten; open een document om het te herstellen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message numerus="yes">
        <source>%n treffers.</source>
        <translation>
            <numerusform>%n treffer.</numerusform>
            <numerusform>%n treffers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetireValueDialog</name>
    <message numerus="yes">
        <source>%n documenten hebben deze waarde.</source>
        <translation>
            <numerusform>%n document heeft deze waarde.</numerusform>
            <numerusform>%n documenten hebben deze waarde.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message numerus="yes">
        <source>%n gewijzigde bestanden. Bekijk ze en vink aan wat u wilt vastleggen.</source>
        <translation>
            <numerusform>%n gewijzigd bestand. Bekijk het en vink aan wat u wilt vastleggen.</numerusform>
            <numerusform>%n gewijzigde bestanden. Bekijk ze en vink aan wat u wilt vastleggen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>En nog %n fouten; zie de lijst hierboven.</source>
        <translation>
            <numerusform>En nog %n fout; zie de lijst hierboven.</numerusform>
            <numerusform>En nog %n fouten; zie de lijst hierboven.</numerusform>
        </translation>
    </message>
</context>
</TS>
