#pragma once

#include <QStringList>

namespace fs::cli {

// fieldsurvey-cli plan …: floor plans from image files and PDF pages.
//   plan list SURVEY
//   plan pages FILE.pdf
//   plan add SURVEY FILE [--page N | --all-pages] [--title TEXT]
//   plan rotate SURVEY PLAN 0|90|180|270
//   plan remove SURVEY PLAN
int planCommand(const QStringList &arguments);

// fieldsurvey-cli pin …: pins on a floor plan (PLAN is its number or uuid; PIN is PLAN.N or a uuid).
//   pin add SURVEY PLAN X,Y [--kind onu|router|terminal|other] [--label TEXT] [--target line:3]
//   pin move SURVEY PIN X,Y
//   pin link SURVEY PIN TARGET|--none
//   pin remove SURVEY PIN
int pinCommand(const QStringList &arguments);

// fieldsurvey-cli photo …: photos from files or a camera card's folder.
//   photo import SURVEY PATH… [--target line:3|terminal:2|device:<uuid>|pin:<PIN>]
//   photo list SURVEY
//   photo link SURVEY PHOTO TARGET|--none
//   photo export SURVEY FOLDER   (location data removed)
int photoCommand(const QStringList &arguments);

} // namespace fs::cli
