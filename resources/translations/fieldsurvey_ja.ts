<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ImportResultDialog</name>
    <message>
        <source>Workbook import</source>
        <translation>ワークブックの取り込み</translation>
    </message>
    <message>
        <source>Select a warning and press Enter (or double-click it) to go to the item concerned.</source>
        <translation>警告を選んで Enter キーを押す（またはダブルクリックする）と、該当する項目を表示します。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>対象</translation>
    </message>
    <message>
        <source>Sheet and cell</source>
        <translation>シート・セル</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>コード</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>FieldSurvey</source>
        <translation>FieldSurvey</translation>
    </message>
    <message>
        <source>No survey open</source>
        <translation>調査が開かれていません</translation>
    </message>
    <message>
        <source>Demo survey</source>
        <translation>デモ調査</translation>
    </message>
    <message>
        <source>This is the built-in demo survey of a fictional hospital. It is recreated each time the demo is opened.</source>
        <translation>架空の病院の組み込みデモ調査です。デモを開くたびに作り直されます。</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>スケジュール(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Connection points</source>
        <translation>外部接続点(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Terminals</source>
        <translation>調査端末(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Floor plans</source>
        <translation>平面図(&amp;F)</translation>
    </message>
    <message>
        <source>This survey has no floor plans yet.</source>
        <translation>この調査にはまだ平面図がありません。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open survey…</source>
        <translation>調査を開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open the &amp;demo survey</source>
        <translation>デモ調査を開く(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;About FieldSurvey</source>
        <translation>FieldSurvey について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>Open survey &amp;read-only…</source>
        <translation>調査を読み取り専用で開く(&amp;R)…</translation>
    </message>
    <message>
        <source>Open a survey to review it without changing it</source>
        <translation>調査を変更せずに確認するために開きます</translation>
    </message>
    <message>
        <source>&amp;Import the hospital&apos;s workbook (別紙2-1)…</source>
        <translation>医療機関の記入依頼書（別紙2-1）を取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>Import &amp;warnings…</source>
        <translation>取り込み時の警告(&amp;W)…</translation>
    </message>
    <message>
        <source>What the workbook import noticed, with sheet and cell</source>
        <translation>ワークブックの取り込みで見つかった問題（シート・セル付き）</translation>
    </message>
</context>
<context>
    <name>fs::app::CrashHandler</name>
    <message>
        <source>FieldSurvey</source>
        <translation>FieldSurvey</translation>
    </message>
    <message>
        <source>FieldSurvey stopped unexpectedly.</source>
        <translation>FieldSurvey が予期せず終了しました。</translation>
    </message>
    <message>
        <source>Everything you entered was saved in the survey file when you entered it; open the survey again to continue.

A report was written to %1. Please send it to support.</source>
        <translation>入力した内容は入力した時点で調査ファイルに保存されています。調査ファイルを開き直して作業を続けてください。

報告ファイルを %1 に保存しました。サポートにお送りください。</translation>
    </message>
</context>
<context>
    <name>fs::app::ErrorMessages</name>
    <message>
        <source>The file could not be read or written.</source>
        <translation>ファイルを読み書きできませんでした。</translation>
    </message>
    <message>
        <source>This file is not a FieldSurvey survey.</source>
        <translation>このファイルは FieldSurvey の調査ファイルではありません。</translation>
    </message>
    <message>
        <source>This survey was saved by a newer version of FieldSurvey. It is open read-only; update FieldSurvey to edit it.</source>
        <translation>この調査は新しいバージョンの FieldSurvey で保存されています。読み取り専用で開きました。編集するには FieldSurvey を更新してください。</translation>
    </message>
    <message>
        <source>The survey file reported an error. Nothing was changed.</source>
        <translation>調査ファイルでエラーが発生しました。変更は行われていません。</translation>
    </message>
    <message>
        <source>This survey is open read-only.</source>
        <translation>この調査は読み取り専用で開かれています。</translation>
    </message>
    <message>
        <source>The item no longer exists.</source>
        <translation>対象の項目はもう存在しません。</translation>
    </message>
    <message>
        <source>The data is not in the expected form.</source>
        <translation>データの形式が正しくありません。</translation>
    </message>
    <message>
        <source>The request could not be carried out.</source>
        <translation>要求を実行できませんでした。</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>予期しないエラーが発生しました。</translation>
    </message>
    <message>
        <source>The disk is full. The change was not saved; everything saved before is intact. Free some space and try again.</source>
        <translation>ディスクがいっぱいです。この変更は保存されていません（それまでに保存した内容は無事です）。空き容量を確保してからやり直してください。</translation>
    </message>
    <message>
        <source>The survey file cannot be written (read-only medium or folder). Copy it to a writable folder to edit it.</source>
        <translation>調査ファイルに書き込めません（読み取り専用の媒体またはフォルダ）。編集するには書き込めるフォルダにコピーしてください。</translation>
    </message>
    <message>
        <source>Another FieldSurvey is editing this survey. Close it there, or open the survey read-only.</source>
        <translation>別の FieldSurvey がこの調査を編集中です。そちらを閉じるか、読み取り専用で開いてください。</translation>
    </message>
    <message>
        <source>The survey file is damaged. Do not edit it; keep a copy and contact support.</source>
        <translation>調査ファイルが破損しています。編集せずにコピーを保管し、サポートに連絡してください。</translation>
    </message>
</context>
<context>
    <name>fs::app::ImportWarningText</name>
    <message>
        <source>A required field is empty</source>
        <translation>必須項目が空欄です</translation>
    </message>
    <message>
        <source>Consent (本施策の同意確認) is not 同意する</source>
        <translation>本施策の同意確認が「同意する」になっていません</translation>
    </message>
    <message>
        <source>Not a valid IPv4 address</source>
        <translation>IPv4 アドレスの形式が正しくありません</translation>
    </message>
    <message>
        <source>The global IP address is a private or reserved address</source>
        <translation>グローバルIPアドレスがプライベートまたは予約済みのアドレスです</translation>
    </message>
    <message>
        <source>Vulnerability scan requested but no global IP address given</source>
        <translation>脆弱性診断の希望がありますが、グローバルIPアドレスが記入されていません</translation>
    </message>
    <message>
        <source>Dynamic IP: the address must be confirmed on the scan day</source>
        <translation>動的IPのため、診断当日にグローバルIPアドレスの確認が必要です</translation>
    </message>
    <message>
        <source>The survey checks five terminals; a different number is listed</source>
        <translation>調査端末は5台ですが、記入された台数が異なります</translation>
    </message>
    <message>
        <source>The host name appears twice</source>
        <translation>ホスト名が重複しています</translation>
    </message>
    <message>
        <source>The IP address appears twice</source>
        <translation>IPアドレスが重複しています</translation>
    </message>
    <message>
        <source>The password sheet must not be submitted; it was ignored unread</source>
        <translation>パスワードリストは提出対象外です。読み込まずに無視しました</translation>
    </message>
    <message>
        <source>A sheet that is not part of 別紙2-1 (not imported)</source>
        <translation>別紙2-1 にないシートです（取り込みません）</translation>
    </message>
    <message>
        <source>A column that is not part of 別紙2-1 (not imported)</source>
        <translation>別紙2-1 にない列です（取り込みません）</translation>
    </message>
    <message>
        <source>A callout that names no line or terminal (no pin made)</source>
        <translation>回線・端末を示していない吹き出しです（ピンは作成しません）</translation>
    </message>
    <message>
        <source>A callout points outside the floor plan (pin put on the edge)</source>
        <translation>吹き出しの先が平面図の外を指しています（ピンは端に置きました）</translation>
    </message>
    <message>
        <source>A floor-plan image cannot be read</source>
        <translation>平面図の画像を読み込めません</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>数値ではありません</translation>
    </message>
    <message>
        <source>A sheet of 別紙2-1 is missing</source>
        <translation>別紙2-1 のシートが不足しています</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>回線%1</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>端末%1</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基本情報</translation>
    </message>
    <message>
        <source>Floor plans</source>
        <translation>平面図</translation>
    </message>
    <message>
        <source>Terminals</source>
        <translation>調査端末</translation>
    </message>
</context>
<context>
    <name>fs::app::MainWindow</name>
    <message>
        <source>Opening %1</source>
        <translation>%1 を開いています</translation>
    </message>
    <message>
        <source>Creating the demo survey</source>
        <translation>デモ調査を作成しています</translation>
    </message>
    <message>
        <source>Open survey</source>
        <translation>調査を開く</translation>
    </message>
    <message>
        <source>FieldSurvey surveys (*.fsv);;All files (*)</source>
        <translation>FieldSurvey 調査ファイル (*.fsv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>About FieldSurvey</source>
        <translation>FieldSurvey について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FieldSurvey %1&lt;/h3&gt;&lt;p&gt;The on-site survey workbench of the MHLW programme for cybersecurity in hospitals (医療機関におけるサイバーセキュリティ確保事業).&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FieldSurvey %1&lt;/h3&gt;&lt;p&gt;厚生労働省「医療機関におけるサイバーセキュリティ確保事業」の現地調査用ツールです。&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>FieldSurvey</source>
        <translation>FieldSurvey</translation>
    </message>
    <message>
        <source>No survey open</source>
        <translation>調査が開かれていません</translation>
    </message>
    <message>
        <source>Reading %1</source>
        <translation>%1 を読み込んでいます</translation>
    </message>
    <message>
        <source>(hospital name not entered)</source>
        <translation>（医療機関名 未入力）</translation>
    </message>
    <message>
        <source>Medical institution code %1</source>
        <translation>医療機関コード %1</translation>
    </message>
    <message>
        <source>〒%1 %2</source>
        <translation>〒%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n bed(s)</source>
        <translation>
            <numerusform>%n床</numerusform>
        </translation>
    </message>
    <message>
        <source>yyyy-MM-dd (ddd)</source>
        <comment>visit date format</comment>
        <translation>yyyy年M月d日(ddd)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>investigator (role)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Visit: %1</source>
        <translation>訪問日: %1</translation>
    </message>
    <message>
        <source>not planned</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Investigators: %1</source>
        <translation>調査員: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <source>&amp;Connection points (%1)</source>
        <translation>外部接続点 (%1)(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Terminals (%1)</source>
        <translation>調査端末 (%1)(&amp;T)</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1（読み取り専用）</translation>
    </message>
    <message>
        <source>%1 — FieldSurvey</source>
        <translation>%1 — FieldSurvey</translation>
    </message>
    <message>
        <source>Unsynced: unknown</source>
        <translation>未同期 不明</translation>
    </message>
    <message numerus="yes">
        <source>Unsynced: %n change(s)</source>
        <translation>
            <numerusform>未同期 %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>No network. Everything is saved in the survey file and can be synced later.</source>
        <translation>ネットワークに接続されていません。入力内容はすべて調査ファイルに保存され、後で同期できます。</translation>
    </message>
    <message>
        <source>Network connected</source>
        <translation>ネットワーク接続あり</translation>
    </message>
    <message>
        <source>A network is connected; whether the portal can be reached is checked when syncing.</source>
        <translation>ネットワークに接続されています。ポータルに接続できるかは同期時に確認します。</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <source>The internet is reachable.</source>
        <translation>インターネットに接続できます。</translation>
    </message>
    <message>
        <source>Saving the change</source>
        <translation>変更を保存しています</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>メモの編集</translation>
    </message>
    <message>
        <source>Another FieldSurvey is editing %1.

Open it read-only to look at it?</source>
        <translation>別の FieldSurvey が %1 を編集中です。

読み取り専用で開きますか？</translation>
    </message>
    <message>
        <source>Open survey read-only</source>
        <translation>調査を読み取り専用で開く</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直し</translation>
    </message>
    <message>
        <source>Import the hospital&apos;s workbook</source>
        <translation>医療機関の記入依頼書を取り込む</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;All files (*)</source>
        <translation>Excel ブック (*.xlsx);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Save the new survey as</source>
        <translation>新しい調査ファイルの保存先</translation>
    </message>
    <message>
        <source>FieldSurvey surveys (*.fsv)</source>
        <translation>FieldSurvey 調査ファイル (*.fsv)</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>%1 を取り込んでいます</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 を読み込んでいます…</translation>
    </message>
    <message>
        <source>the workbook</source>
        <translation>ワークブック</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 lines (%3 devices), %4 terminals, %5 floor plans with %6 pins. %n warning(s).</source>
        <translation>
            <numerusform>%1: 回線 %2（機器 %3）、調査端末 %4、平面図 %5（ピン %6）。警告 %n 件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Basic information is shown at the top of the window.</source>
        <translation>基本情報はウィンドウ上部に表示されています。</translation>
    </message>
</context>
<context>
    <name>fs::app::ModelLabels</name>
    <message>
        <source>CAF ID</source>
        <translation>CAF ID</translation>
    </message>
    <message>
        <source>Line No.</source>
        <translation>回線No</translation>
    </message>
    <message>
        <source>Purpose / system</source>
        <translation>用途・システム名</translation>
    </message>
    <message>
        <source>Line type</source>
        <translation>回線種別</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>回線事業者</translation>
    </message>
    <message>
        <source>Connection type</source>
        <translation>通信形態</translation>
    </message>
    <message>
        <source>ONU location</source>
        <translation>ONU設置場所</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>機器</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>申告</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システム種別</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>利用形態</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>端末ホスト名</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IPアドレス</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>設置場所</translation>
    </message>
    <message>
        <source>Security product</source>
        <translation>セキュリティ対策製品</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>調査状況</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>作業</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>実績</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Undeclared (found on site)</source>
        <translation>未申告（現地で発見）</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未着手</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>実施中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>実施不可</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>%1日目</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>入館</translation>
    </message>
    <message>
        <source>Pre-work briefing</source>
        <translation>作業前打合せ</translation>
    </message>
    <message>
        <source>External connection points</source>
        <translation>外部接続点調査</translation>
    </message>
    <message>
        <source>Terminal checks</source>
        <translation>端末調査</translation>
    </message>
    <message>
        <source>Clean-up and departure</source>
        <translation>片付け・退館</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>作成中</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提出済</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>差戻し</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>承認</translation>
    </message>
    <message>
        <source>lead</source>
        <translation>リーダー</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
</context>
</TS>
