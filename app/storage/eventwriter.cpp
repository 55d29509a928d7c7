// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventwriter.h"

#include "domain/countries.h"
#include "domain/event.h"
#include "storage/fulltextindex.h"

#include <QCryptographicHash>

#include <sqlite3.h>

#include <limits>

namespace {

// A fingerprint of everything an event holds, so that re-importing an unchanged event writes nothing. Each value
// goes in with its length, so that no two different events can run together into the same bytes. A field added
// to Event must be added here.
class Digest {
public:
    Digest &operator<<(const QString &text)
    {
        *this << qint64(text.size());
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(text.utf16()), text.size() * 2));
        return *this;
    }
    Digest &operator<<(qint64 value)
    {
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&value), sizeof value));
        return *this;
    }
    Digest &operator<<(const std::optional<double> &value)
    {
        const double number = value.value_or(std::numeric_limits<double>::quiet_NaN());
        *this << qint64(value.has_value());
        m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&number), sizeof number));
        return *this;
    }
    QByteArray result() const { return m_hash.result(); }

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha1};
};

QByteArray digestOf(const Event &event)
{
    Digest digest;
    digest << event.id << event.title << event.summary << event.kind << event.time.start()
           << event.time.end().value_or(std::numeric_limits<qint64>::min()) << qint64(event.time.precision());
    // Added to the digest only where they are set, so that the events of files written before them keep their
    // digests, and importing such a file again still finds them unchanged.
    if (event.time.qualifiers() != 0 || !event.time.written().isEmpty() || event.time.startMillisecond() != 0
        || event.time.endMillisecond() != 0) {
        // After a sentinel no count can be, so that no other event's fields can run into the same bytes.
        digest << qint64(-1) << qint64(event.time.qualifiers()) << event.time.written()
               << qint64(event.time.startMillisecond()) << qint64(event.time.endMillisecond());
    }
    digest << qint64(event.actors.size());
    for (const Actor &actor : event.actors) {
        digest << actor.name << actor.country << actor.role << actor.title << qint64(actor.type);
    }
    digest << qint64(event.countries.size());
    for (const QString &country : event.countries) {
        digest << country;
    }
    digest << event.location.place << event.location.country << event.location.latitude << event.location.longitude;
    digest << qint64(event.quotes.size());
    for (const Quote &quote : event.quotes) {
        digest << quote.speaker << quote.text;
    }
    digest << qint64(event.sources.size());
    for (const Source &source : event.sources) {
        digest << source.name << source.url << source.date;
    }
    digest << qint64(event.tags.size());
    for (const QString &tag : event.tags) {
        digest << tag;
    }
    return digest.result();
}

// Whatever is wrong with an event that must never reach the file, or an empty string.
QString problemWith(const Event &event)
{
    if (event.id.trimmed().isEmpty()) {
        return QStringLiteral("it has no id");
    }
    if (event.title.trimmed().isEmpty()) {
        return QStringLiteral("it has no title");
    }
    if (event.time.last().isBefore(event.time.first())) {
        return QStringLiteral("it ends before it starts");
    }
    const auto badCountry
        = [](const QString &country) { return !country.isEmpty() && Countries::lookup(country) != country; };
    const auto message = [](const QString &country) {
        return QStringLiteral("\"%1\" is not an ISO 3166-1 alpha-2 country code").arg(country);
    };
    for (const QString &country : event.countries) {
        if (badCountry(country)) {
            return message(country);
        }
    }
    for (const Actor &actor : event.actors) {
        if (badCountry(actor.country)) {
            return message(actor.country);
        }
    }
    return badCountry(event.location.country) ? message(event.location.country) : QString();
}

} // namespace

QByteArray eventDigest(const Event &event)
{
    return digestOf(event);
}

EventWriter::EventWriter(sqlite3 *db, qint64 firstNewRowid, bool deferFullText)
    : m_db(db)
    , m_firstNewRowid(firstNewRowid)
    , m_deferFullText(deferFullText)
    , m_find(db, "SELECT rowid, digest FROM events WHERE id = ?")
    , m_insert(db,
          "INSERT INTO events (title, summary, kind, start_s, end_s, precision, cover_end, place, "
          "place_country, latitude, longitude, qualifiers, written, start_ms, end_ms, digest, id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
    , m_update(db,
          "UPDATE events SET title = ?, summary = ?, kind = ?, start_s = ?, end_s = ?, precision = ?, "
          "cover_end = ?, place = ?, place_country = ?, latitude = ?, longitude = ?, qualifiers = ?, "
          "written = ?, start_ms = ?, end_ms = ?, digest = ? WHERE rowid = ?")
    , m_actor(db,
          "INSERT INTO actors (name, country, type) VALUES (?, ?, ?) "
          "ON CONFLICT (name, country) DO UPDATE SET type = excluded.type RETURNING id")
    , m_eventActor(db, "INSERT INTO event_actors (event, position, actor, role, title) VALUES (?, ?, ?, ?, ?)")
    , m_country(db, "INSERT INTO event_countries (event, position, country, explicit) VALUES (?, ?, ?, ?)")
    , m_quote(db, "INSERT INTO quotes (event, position, speaker, text) VALUES (?, ?, ?, ?)")
    , m_source(db, "INSERT INTO sources (event, position, name, url, date) VALUES (?, ?, ?, ?, ?)")
    , m_tag(db, "INSERT INTO tags (event, position, tag) VALUES (?, ?, ?)")
    // The index's text comes from the view both ways: what 'delete' takes out is exactly what went in.
    , m_ftsAdd(db, FullTextIndex::kAdd)
    , m_ftsRemove(db, FullTextIndex::kRemove)
    , m_delete(db, "DELETE FROM events WHERE rowid = ?")
{
    for (const char *sql : {"DELETE FROM event_actors WHERE event = ?", "DELETE FROM event_countries WHERE event = ?",
             "DELETE FROM quotes WHERE event = ?", "DELETE FROM sources WHERE event = ?",
             "DELETE FROM tags WHERE event = ?"}) {
        m_deletes.push_back(std::make_unique<SqliteStatement>(db, sql));
    }
}

QString EventWriter::write(const Event &event, WriteSummary &summary)
{
    m_repeated = false;
    m_outcome = Outcome::None;
    if (const QString problem = problemWith(event); !problem.isEmpty()) {
        return problem;
    }
    const QByteArray digest = digestOf(event);
    m_digest = digest;
    // Most events in an import are new: try the insert first, and look the id up only when it is taken.
    if (!bindRow(m_insert, event, digest).bind(event.id).exec()) {
        return m_insert.errorString();
    }
    if (sqlite3_changes(m_db) == 1) {
        ++summary.added;
        m_outcome = Outcome::Added;
        return writeChildren(sqlite3_last_insert_rowid(m_db), event);
    }
    m_find.bind(event.id);
    const bool exists = m_find.next();
    const qint64 rowid = exists ? m_find.int64(0) : 0;
    const bool same = exists && m_find.blob(1) == digest;
    m_find.reset();
    if (!exists) {
        return m_find.errorString();
    }
    // A row this write added, or one it already met, means the file repeats an id: harmless when it repeats
    // the whole record (a derived id that repeats means just that), a conflict when the contents differ.
    if (rowid >= m_firstNewRowid || m_met.contains(rowid)) {
        if (same) {
            ++summary.repeated;
            return {};
        }
        m_repeated = true;
        return QStringLiteral("its id \"%1\" was already used in this import").arg(event.id);
    }
    m_met.insert(rowid);
    if (same) {
        ++summary.unchanged;
        m_outcome = Outcome::Unchanged;
        return {};
    }
    if (beforeChange) {
        beforeChange(event.id);
    }
    // Out of the index while the view still shows the old text.
    if (!m_ftsRemove.bind(rowid).exec()) {
        return m_ftsRemove.errorString();
    }
    if (!bindRow(m_update, event, digest).bind(rowid).exec()) {
        return m_update.errorString();
    }
    for (const auto &query : m_deletes) {
        if (!query->bind(rowid).exec()) {
            return query->errorString();
        }
    }
    ++summary.updated;
    m_outcome = Outcome::Updated;
    return writeChildren(rowid, event);
}

QByteArray EventWriter::storedDigest(const QString &id, QString *error)
{
    m_find.bind(id);
    const QByteArray digest = m_find.next() ? m_find.blob(1) : QByteArray();
    if (!m_find.done() && digest.isEmpty()) {
        *error = m_find.errorString();
    }
    m_find.reset();
    return digest;
}

bool EventWriter::remove(const QString &id, QString *error)
{
    m_find.bind(id);
    const bool exists = m_find.next();
    const qint64 rowid = exists ? m_find.int64(0) : 0;
    m_find.reset();
    if (!exists) {
        return false;
    }
    if (beforeChange) {
        beforeChange(id);
    }
    // Out of the index first, while the view still shows its text; its children go with it (ON DELETE CASCADE).
    if (!m_ftsRemove.bind(rowid).exec()) {
        *error = m_ftsRemove.errorString();
        return false;
    }
    if (!m_delete.bind(rowid).exec()) {
        *error = m_delete.errorString();
        return false;
    }
    return true;
}

SqliteStatement &EventWriter::bindRow(SqliteStatement &row, const Event &event, const QByteArray &digest)
{
    return row.bind(event.title)
        .bind(event.summary)
        .bind(event.kind)
        .bind(event.time.start())
        .bind(event.time.end())
        .bind(int(event.time.precision()))
        .bind(event.time.coverEnd())
        .bind(event.location.place)
        .bind(event.location.country)
        .bind(event.location.latitude)
        .bind(event.location.longitude)
        .bind(int(event.time.qualifiers()))
        .bind(event.time.written())
        .bind(event.time.startMillisecond())
        .bind(event.time.endMillisecond())
        .bindBlob(digest);
}

QString EventWriter::writeChildren(qint64 id, const Event &event)
{
    QString error;
    for (int i = 0; i < event.actors.size() && error.isEmpty(); ++i) {
        const Actor &actor = event.actors[i];
        const qint64 actorId = actorIdFor(actor, &error);
        if (error.isEmpty()) {
            error = run(m_eventActor.bind(id).bind(i).bind(actorId).bind(actor.role).bind(actor.title));
        }
    }
    const QStringList countries = event.allCountries();
    for (int i = 0; i < countries.size() && error.isEmpty(); ++i) {
        error = run(m_country.bind(id).bind(i).bind(countries[i]).bind(event.countries.contains(countries[i])));
    }
    for (int i = 0; i < event.quotes.size() && error.isEmpty(); ++i) {
        const Quote &quote = event.quotes[i];
        error = run(m_quote.bind(id).bind(i).bind(quote.speaker).bind(quote.text));
    }
    for (int i = 0; i < event.sources.size() && error.isEmpty(); ++i) {
        const Source &source = event.sources[i];
        error = run(m_source.bind(id).bind(i).bind(source.name).bind(source.url).bind(source.date));
    }
    for (int i = 0; i < event.tags.size() && error.isEmpty(); ++i) {
        error = run(m_tag.bind(id).bind(i).bind(event.tags[i]));
    }
    if (error.isEmpty() && !m_deferFullText) {
        error = run(m_ftsAdd.bind(id));
    }
    return error;
}

qint64 EventWriter::actorIdFor(const Actor &actor, QString *error)
{
    const QString key = actor.name + QChar(0) + actor.country;
    if (const auto it = m_actorIds.constFind(key); it != m_actorIds.constEnd()) {
        return *it;
    }
    m_actor.bind(actor.name).bind(actor.country).bind(int(actor.type));
    if (!m_actor.next()) {
        *error = m_actor.errorString();
        m_actor.reset();
        return 0;
    }
    const qint64 id = m_actor.int64(0);
    m_actor.exec(); // steps past the RETURNING row, so that the statement completes
    m_actorIds.insert(key, id);
    return id;
}
