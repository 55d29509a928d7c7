// SPDX-License-Identifier: GPL-3.0-or-later
#include "seed.h"

#include "io/jsonformat.h"
#include "storage/eventstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace {

JsonFormat::Document document()
{
    QFile file(QString::fromLatin1(Seed::kResourcePath));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("Annals: the seed timeline is missing from the binary");
    }
    ImportError error;
    const std::optional<JsonFormat::Document> document = JsonFormat::read(file.readAll(), file.fileName(), &error);
    if (!document) {
        // A build-time mistake, caught by tst_seed long before a user could meet it.
        qFatal("Annals: %s", qUtf8Printable(error.toString()));
    }
    return *document;
}

} // namespace

namespace Seed {

QString title()
{
    return document().title;
}

QList<Event> events()
{
    return document().events;
}

QString defaultTimelinePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/timeline.annals");
}

std::unique_ptr<EventStore> openTimeline(const QString &path, QString *error)
{
    const QString file = path.isEmpty() ? defaultTimelinePath() : path;
    const bool seed = path.isEmpty() && !QFile::exists(file);
    if (path.isEmpty() && !QDir().mkpath(QFileInfo(file).absolutePath())) {
        if (error) {
            *error = QStringLiteral("cannot create the folder %1").arg(QFileInfo(file).absolutePath());
        }
        return nullptr;
    }
    auto store = std::make_unique<EventStore>(file);
    if (!store->open() || (seed && (!store->write(events()) || !store->setTitle(title())))) {
        if (error) {
            *error = store->errorString();
        }
        store.reset();
        if (seed) {
            QFile::remove(file); // try again from scratch next time
        }
    }
    return store;
}

} // namespace Seed
