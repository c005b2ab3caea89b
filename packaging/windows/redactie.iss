; Inno Setup script for Redactie: a per-user install without admin rights by default.
; A machine-wide install from the command line: Redactie-Setup.exe /ALLUSERS (or /VERYSILENT /ALLUSERS).
; Build: iscc /DAppVersion=1.2.3 packaging\windows\redactie.iss   (after packaging\build.py --git windows-x64)

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
; Fixed AppId: installing a newer version upgrades in place. Never change it.
AppId={{6F0E2C1A-9B7D-4D4B-8C53-2E7A3F1D9B64}
AppName=Redactie
AppVersion={#AppVersion}
AppVerName=Redactie {#AppVersion}
AppPublisher=Redactie
AppPublisherURL=https://github.com/redactie-editor/redactie
DefaultDirName={autopf}\Redactie
DefaultGroupName=Redactie
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=Redactie-{#AppVersion}-windows-x64-setup
SetupIconFile=..\build\icons\redactie.ico
UninstallDisplayIcon={app}\Redactie.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#ifdef Sign
; The release workflow defines the sign tool (iscc /DSign=1 "/Ssigntool=signtool.exe sign ... $f"):
; Inno Setup then signs the uninstaller it writes, not only the setup program.
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program folder's libraries as a whole: files of the old version that the new one no
; longer ships (a Qt plugin, an older Python module) must not linger and be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\dist\Redactie\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Redactie"; Filename: "{app}\Redactie.exe"
Name: "{group}\{cm:UninstallProgram,Redactie}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Redactie"; Filename: "{app}\Redactie.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Redactie.exe"; Description: "{cm:LaunchProgram,Redactie}"; Flags: nowait postinstall skipifsilent
