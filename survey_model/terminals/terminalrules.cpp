#include "terminalevaluator.h"

namespace fs::model {

// The documented rule table (docs/terminal-rules.md). Texts are the programme's words, as the
// report writes them; "danger/caution" means a threshold in TerminalEvaluator decides.
const QList<TerminalRule> &TerminalEvaluator::rules()
{
    static const QList<TerminalRule> table = {
        {QStringLiteral("win.os.end_of_servicing"), QStringLiteral("os"), QStringLiteral("danger"),
         QStringLiteral("サポート終了 Windows を利用中"),
         QStringLiteral("サポート中の Windows "
                        "へ更新してください。更新できない場合は、ネットワークからの分離など代替策と更新計画を"
                        "定めてください。"),
         QStringLiteral("⑥")},
        {QStringLiteral("win.os.esu_prerequisite"), QStringLiteral("os"), QStringLiteral("danger"),
         QStringLiteral(
             "ESU "
             "ライセンスはあるが、前提の更新プログラム（KB5066791）が未適用でセキュリティ更新を受けられない"),
         QStringLiteral(
             "2025年10月以降の累積更新プログラムを適用し、ESU の更新が届いていることを確認してください。"),
         QStringLiteral("⑥")},
        {QStringLiteral("win.os.esu"), QStringLiteral("os"), QStringLiteral("caution"),
         QStringLiteral("サポート終了後の Windows 10 を ESU（拡張セキュリティ更新）で利用中"),
         QStringLiteral("ESU の期間内にサポート中の Windows への移行を計画してください。"),
         QStringLiteral("⑥")},
        {QStringLiteral("win.os.ending_soon"), QStringLiteral("os"), QStringLiteral("caution"),
         QStringLiteral("サポート終了が近い Windows を利用中"),
         QStringLiteral("サポート終了日までにサポート中の Windows へ更新する計画を立ててください。"),
         QStringLiteral("⑥")},
        {QStringLiteral("win.os.lifecycle_unknown"), QStringLiteral("os"), QStringLiteral("caution"),
         QStringLiteral("Windows のサポート期限を判定できない"),
         QStringLiteral("エディションとバージョンを winver で確認し、サポート期限を確認してください。"),
         QStringLiteral("⑥")},
        {QStringLiteral("win.update.stale"), QStringLiteral("windows_update"),
         QStringLiteral("danger/caution"), QStringLiteral("Windows Update が長期間適用されていない"),
         QStringLiteral("セキュリティ更新プログラムを定期的に適用してください（閉域網では WSUS "
                        "等やベンダーによる適用手順を定めてください）。"),
         QStringLiteral("⑥")},
        {QStringLiteral("win.update.behind"), QStringLiteral("windows_update"), QStringLiteral("caution"),
         QStringLiteral("最新の累積更新プログラムが適用されていない"),
         QStringLiteral("最新の累積更新プログラムを適用してください。"), QStringLiteral("⑥")},
        {QStringLiteral("win.update.reboot_pending"), QStringLiteral("windows_update"),
         QStringLiteral("caution"), QStringLiteral("更新プログラムが再起動待ちで有効になっていない"),
         QStringLiteral("端末を再起動して更新プログラムの適用を完了してください。"), QStringLiteral("⑥")},
        {QStringLiteral("win.update.disabled"), QStringLiteral("windows_update"), QStringLiteral("caution"),
         QStringLiteral("自動更新がポリシーで無効になっている"),
         QStringLiteral(
             "更新プログラムの適用方法（WSUS、ベンダーによる適用など）を確認し、手順として定めてください。"),
         QStringLiteral("⑥")},
        {QStringLiteral("win.internet.reachable"), QStringLiteral("internet"),
         QStringLiteral("danger/caution"), QStringLiteral("端末からインターネットに接続できる"),
         QStringLiteral("医療情報システムの端末からインターネットへの経路を遮断するか、必要な接続先に限定して"
                        "ください。"),
         QStringLiteral("GL 7④/13")},
        {QStringLiteral("win.internet.dns_only"), QStringLiteral("internet"), QStringLiteral("caution"),
         QStringLiteral("インターネットの名前解決ができる"),
         QStringLiteral("院内 DNS がインターネットの名前を解決する必要があるか確認してください（DNS "
                        "を使った通信経路になり得ます）。"),
         QStringLiteral("GL 7④/13")},
        {QStringLiteral("win.av.none"), QStringLiteral("antivirus"), QStringLiteral("danger"),
         QStringLiteral("ウイルス対策ソフトが確認できない"),
         QStringLiteral("ウイルス対策ソフト（または EDR）を導入し、定義ファイルを更新してください。"),
         QStringLiteral("⑥ / GL 8.2")},
        {QStringLiteral("win.av.disabled"), QStringLiteral("antivirus"), QStringLiteral("danger"),
         QStringLiteral("ウイルス対策ソフトが無効になっている"),
         QStringLiteral("リアルタイム保護を有効にしてください。"), QStringLiteral("⑥ / GL 8.2")},
        {QStringLiteral("win.av.outdated"), QStringLiteral("antivirus"), QStringLiteral("danger/caution"),
         QStringLiteral("ウイルス定義ファイルが古い"),
         QStringLiteral("定義ファイルの配布経路（管理サーバー、WSUS "
                        "等）を確認し、最新の定義ファイルを適用してください。"),
         QStringLiteral("⑥ / GL 8.2")},
        {QStringLiteral("win.av.orphan"), QStringLiteral("antivirus"), QStringLiteral("none"),
         QStringLiteral("アンインストール済みのウイルス対策ソフトの登録が残っている"),
         QStringLiteral("実際に稼働している製品を確認してください。"), QStringLiteral("⑥ / GL 8.2")},
        {QStringLiteral("win.av.two_engines"), QStringLiteral("antivirus"), QStringLiteral("none"),
         QStringLiteral("複数のウイルス対策ソフトのリアルタイム保護が同時に有効"),
         QStringLiteral("製品の組み合わせがベンダーの想定どおりか確認してください。"),
         QStringLiteral("⑥ / GL 8.2")},
        {QStringLiteral("win.usb.not_blocked"), QStringLiteral("usb_storage"), QStringLiteral("caution"),
         QStringLiteral("USB ストレージの接続が制限されていない"),
         QStringLiteral(
             "USB "
             "ストレージ等の外部記憶媒体の接続を制限してください（許可する媒体と手順を定めてください）。"),
         QStringLiteral("⑨")},
        {QStringLiteral("win.usb.read_only"), QStringLiteral("usb_storage"), QStringLiteral("caution"),
         QStringLiteral("USB ストレージは読み取りのみ制限されている（読み込みは可能）"),
         QStringLiteral("外部記憶媒体からの読み込みも制限するか、許可する媒体と検査手順を定めてください。"),
         QStringLiteral("⑨")},
        {QStringLiteral("win.usb.third_party"), QStringLiteral("usb_storage"), QStringLiteral("none"),
         QStringLiteral("USB ストレージの制限は管理ソフトによる可能性がある（現地で確認が必要）"),
         QStringLiteral("テスト用の USB メモリを接続して、制限されていることを確認してください。"),
         QStringLiteral("⑨")},
        {QStringLiteral("win.smb1.enabled"), QStringLiteral("remarks"), QStringLiteral("danger"),
         QStringLiteral("SMBv1 が有効になっている"),
         QStringLiteral("SMBv1 を必要とする機器を確認し、不要であれば無効にしてください。"),
         QStringLiteral("⑫")},
        {QStringLiteral("win.rdp.enabled"), QStringLiteral("remarks"), QStringLiteral("caution"),
         QStringLiteral("リモートデスクトップ接続が許可されている"),
         QStringLiteral("リモートデスクトップが必要か確認し、不要であれば無効に、必要であれば接続元を限定して"
                        "ください。"),
         QStringLiteral("② / ⑫")},
        {QStringLiteral("win.firewall.off"), QStringLiteral("remarks"), QStringLiteral("caution"),
         QStringLiteral("Windows ファイアウォールが無効になっている"),
         QStringLiteral(
             "他のファイアウォール製品がない場合は Windows ファイアウォールを有効にしてください。"),
         QStringLiteral("⑫")},
        {QStringLiteral("win.accounts.admin_user"), QStringLiteral("remarks"), QStringLiteral("caution"),
         QStringLiteral("日常利用のアカウントが管理者権限を持っている"),
         QStringLiteral("日常業務は標準ユーザーで行い、管理者権限の利用者を限定してください。"),
         QStringLiteral("④")},
        {QStringLiteral("win.accounts.guest"), QStringLiteral("remarks"), QStringLiteral("caution"),
         QStringLiteral("Guest アカウントが有効になっている"),
         QStringLiteral("不要なアカウントを無効にしてください。"), QStringLiteral("⑤")},
        {QStringLiteral("win.screenlock.none"), QStringLiteral("remarks"), QStringLiteral("caution"),
         QStringLiteral("離席時の画面ロックが設定されていない（15分以内）"),
         QStringLiteral("一定時間操作がないときに画面をロックする設定を行ってください（共用端末の運用は院内で"
                        "取り決めてください）。"),
         QStringLiteral("GL 14")},
    };
    return table;
}

} // namespace fs::model
