// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineeditor.h"

#include "editing/editcommand.h"
#include "editing/eventdialog.h"
#include "storage/annotations.h"
#include "storage/eventeditor.h"
#include "storage/eventstore.h"
#include "storage/savedview.h"
#include "storage/writejournal.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QEventLoop>
#include <QHash>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QThread>
#include <QUndoStack>

struct TimelineEditor::Change {
    QString id;
    std::optional<Event> before;
    QByteArray beforeDigest; // as the file held it when it was read; empty when absent
    std::optional<Event> after;
    QByteArray afterDigest; // as the file holds it after the step forward
};

namespace {

QString quoted(const QString &title)
{
    return QStringLiteral("\u201C%1\u201D").arg(title.size() > 40 ? title.left(39) + QChar(0x2026) : title);
}

// A step over the list of changes, one way or the other, as one transaction; the digests the file holds after it
// are kept for the way back.
bool step(EventStore &store, QList<TimelineEditor::Change> &changes, bool forward, QString *error);

} // namespace

TimelineEditor::TimelineEditor(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_stack(new QUndoStack(this))
{
    m_stack->setUndoLimit(200);
}

TimelineEditor::~TimelineEditor() = default;

void TimelineEditor::setStore(EventStore *store)
{
    m_stack->clear(); // the history was of another timeline
    m_store = store;
    m_linkSource.clear();
}

EditCommand *TimelineEditor::command(const QString &text, std::function<bool(EventStore &, QString *)> forward,
    std::function<bool(EventStore &, QString *)> backward)
{
    const auto over = [this](std::function<bool(EventStore &, QString *)> step) {
        return [this, step](QString *error) {
            if (!m_store) {
                *error = tr("no timeline is open");
                return false;
            }
            return step(*m_store, error);
        };
    };
    return new EditCommand(
        text, over(std::move(forward)), over(std::move(backward)), [this, text](bool ok, const QString &error) {
            if (ok) {
                emit changed();
            } else {
                emit refused(tr("Cannot take back or redo \u201C%1\u201D: %2").arg(text, error));
            }
        });
}

bool TimelineEditor::perform(EditCommand *command)
{
    QString error;
    if (!command->perform(&error)) {
        const QString text = command->text();
        delete command;
        emit refused(tr("%1: %2").arg(text, error));
        return false;
    }
    m_stack->push(command);
    emit changed();
    return true;
}

namespace {

bool step(EventStore &store, QList<TimelineEditor::Change> &changes, bool forward, QString *error)
{
    QList<EventChange> writes;
    for (const TimelineEditor::Change &change : std::as_const(changes)) {
        writes.append(forward ? EventChange{change.id, change.beforeDigest, change.after}
                              : EventChange{change.id, change.afterDigest, change.before});
    }
    EventEditor editor(store);
    if (!editor.apply(writes)) {
        *error = editor.errorString();
        return false;
    }
    for (TimelineEditor::Change &change : changes) {
        (forward ? change.afterDigest : change.beforeDigest) = store.digestOf(change.id);
    }
    return true;
}

// The events as the file holds them now, for a redo to write back: read by their rowids, a batch at a time, since an
// import may have written a great many.
void readBack(EventStore &store, QList<TimelineEditor::Change> &changes)
{
    constexpr qsizetype kBatch = 10000;
    for (qsizetype first = 0; first < changes.size(); first += kBatch) {
        QList<qint64> rowids;
        QHash<QString, qsizetype> where;
        for (qsizetype i = first; i < std::min(changes.size(), first + kBatch); ++i) {
            changes[i].after.reset();
            if (const std::optional<qint64> rowid = store.rowidOf(changes[i].id)) {
                rowids << *rowid;
                where.insert(changes[i].id, i);
            }
        }
        for (Event &event : store.eventsAt(rowids)) {
            changes[where.value(event.id)].after = std::move(event);
        }
    }
}

} // namespace

bool TimelineEditor::changeEvents(const QString &text, const QList<Change> &changes, QString *error)
{
    auto state = std::make_shared<QList<Change>>(changes);
    // One event brought back or changed by an undo or a redo is selected, to show what happened.
    const auto show = [this, state](bool forward) {
        const Change &change = state->first();
        if (state->size() == 1 && (forward ? change.after : change.before)) {
            emit selectRequested(change.id);
        }
    };
    EditCommand *edit = command(
        text,
        [state, show](EventStore &store, QString *why) { return step(store, *state, true, why) && (show(true), true); },
        [state, show](
            EventStore &store, QString *why) { return step(store, *state, false, why) && (show(false), true); });
    if (!error) {
        return perform(edit);
    }
    // The form shows the reason itself, and stays open to mend what is wrong.
    if (!edit->perform(error)) {
        delete edit;
        return false;
    }
    m_stack->push(edit);
    emit changed();
    return true;
}

void TimelineEditor::newEvent(std::optional<qint64> start)
{
    Event event;
    event.time = EventTime(
        TimePoint::periodStart(start.value_or(QDateTime::currentSecsSinceEpoch()), Precision::Day), Precision::Day);
    openForm(event, true, {});
}

void TimelineEditor::editEvent(const QString &id)
{
    // The digest first: should someone change the event between the two reads, the save is refused rather than
    // written over their change.
    const QByteArray digest = m_store ? m_store->digestOf(id) : QByteArray();
    const std::optional<Event> event = m_store ? m_store->event(id) : std::nullopt;
    if (!event) {
        emit refused(tr("The event is no longer in the timeline."));
        return;
    }
    openForm(*event, false, digest);
}

void TimelineEditor::openForm(const Event &event, bool isNew, const QByteArray &digest)
{
    // `digest`: what the file held when the event was read; a save is refused if someone changes it meanwhile.
    EventDialog dialog(event, isNew, m_kinds, m_window);
    dialog.setSubmit([&](const Event &edited) {
        QString error;
        if (isNew || !(edited == event)) { // an unchanged event leaves nothing to undo
            writeEvent(isNew ? std::nullopt : std::optional<Event>(event), digest, edited, &error);
        }
        return error;
    });
    dialog.exec();
}

bool TimelineEditor::writeEvent(
    const std::optional<Event> &before, const QByteArray &digest, const Event &after, QString *error)
{
    const QString text = before ? tr("Edit %1").arg(quoted(after.title)) : tr("New event %1").arg(quoted(after.title));
    return changeEvents(text, {{after.id, before, digest, after, {}}}, error);
}

void TimelineEditor::deleteEvents(const QStringList &ids)
{
    if (!m_store || ids.isEmpty()) {
        return;
    }
    QList<Change> changes;
    for (const QString &id : ids) {
        const QByteArray digest = m_store->digestOf(id);
        std::optional<Event> event = m_store->event(id);
        if (event) {
            changes.append({id, std::move(event), digest, std::nullopt, {}});
        }
    }
    if (changes.isEmpty()) {
        return;
    }
    const QString text = changes.size() == 1 ? tr("Delete %1").arg(quoted(changes.first().before->title))
                                             : tr("Delete %n events", nullptr, int(changes.size()));
    changeEvents(text, changes);
}

void TimelineEditor::setStarred(const QStringList &ids, bool starred)
{
    if (!m_store) {
        return;
    }
    QStringList changing; // only those whose star changes: an undo puts back exactly those
    for (const QString &id : ids) {
        if (Annotations::marks(*m_store, id).starred != starred) {
            changing << id;
        }
    }
    if (changing.isEmpty()) {
        return;
    }
    const QString text = starred ? tr("Star %n events", nullptr, int(changing.size()))
                                 : tr("Unstar %n events", nullptr, int(changing.size()));
    const auto set = [changing](bool value) {
        return [changing, value](EventStore &store, QString *error) {
            EventEditor editor(store);
            return editor.setStarred(changing, value) || (*error = editor.errorString(), false);
        };
    };
    perform(command(changing.size() == 1 ? (starred ? tr("Star") : tr("Unstar")) : text, set(starred), set(!starred)));
}

void TimelineEditor::askNote(const QString &id)
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(m_window, tr("Add a Note"),
        tr("Your note on this event (dated today; searched with the rest):"), QString(), &ok);
    if (ok && !text.trimmed().isEmpty()) {
        addNote(id, text);
    }
}

bool TimelineEditor::addNote(const QString &id, const QString &text)
{
    auto note = std::make_shared<Note>(Note{0, QDateTime::currentSecsSinceEpoch(), text.trimmed()});
    return perform(command(
        tr("Add a note"),
        [id, note](EventStore &store, QString *error) {
            EventEditor editor(store);
            const std::optional<Note> written = editor.putNote(id, *note);
            if (written) {
                *note = *written; // a redo writes it back with the same id
            }
            return written.has_value() || (*error = editor.errorString(), false);
        },
        [note](EventStore &store, QString *error) {
            EventEditor editor(store);
            return editor.removeNote(note->id) || (*error = editor.errorString(), false);
        }));
}

void TimelineEditor::askEditNote(const QString &id, const Note &note)
{
    bool ok = false;
    const QString text
        = QInputDialog::getMultiLineText(m_window, tr("Edit the Note"), tr("Your note:"), note.text, &ok);
    if (ok) {
        changeNote(id, note, text);
    }
}

bool TimelineEditor::changeNote(const QString &id, const Note &note, const QString &text)
{
    if (text.trimmed() == note.text) {
        return true;
    }
    if (text.trimmed().isEmpty()) {
        return removeNote(id, note);
    }
    const auto put = [id](Note value) {
        return [id, value](EventStore &store, QString *error) {
            EventEditor editor(store);
            return editor.putNote(id, value).has_value() || (*error = editor.errorString(), false);
        };
    };
    Note edited = note;
    edited.text = text.trimmed();
    return perform(command(tr("Edit a note"), put(edited), put(note)));
}

bool TimelineEditor::removeNote(const QString &id, const Note &note)
{
    return perform(command(
        tr("Delete a note"),
        [note](EventStore &store, QString *error) {
            EventEditor editor(store);
            return editor.removeNote(note.id) || (*error = editor.errorString(), false);
        },
        [id, note](EventStore &store, QString *error) {
            EventEditor editor(store);
            return editor.putNote(id, note).has_value() || (*error = editor.errorString(), false);
        }));
}

void TimelineEditor::askTags(const QString &id)
{
    if (!m_store) {
        return;
    }
    const QStringList before = Annotations::marks(*m_store, id).tags;
    bool ok = false;
    const QString text = QInputDialog::getText(m_window, tr("Your Tags"),
        tr("Your own tags for this event, separated by commas (apart from the source's tags; a re-import keeps "
           "them):"),
        QLineEdit::Normal, before.join(QStringLiteral(", ")), &ok);
    if (ok) {
        setTags(id, text.split(u',', Qt::SkipEmptyParts));
    }
}

bool TimelineEditor::setTags(const QString &id, const QStringList &tags)
{
    if (!m_store) {
        return false;
    }
    const QStringList before = Annotations::marks(*m_store, id).tags;
    const QStringList after = EventEditor::cleanTags(tags);
    if (after == before) {
        return true;
    }
    const auto set = [id](QStringList value) {
        return [id, value](EventStore &store, QString *error) {
            EventEditor editor(store);
            return editor.setTags({{id, value}}) || (*error = editor.errorString(), false);
        };
    };
    return perform(command(tr("Change your tags"), set(after), set(before)));
}

void TimelineEditor::startLink(const QString &id)
{
    m_linkSource = id;
}

void TimelineEditor::askLinkTo(const QString &target)
{
    if (!m_store || m_linkSource.isEmpty() || target == m_linkSource) {
        return;
    }
    const std::optional<Event> source = m_store->event(m_linkSource);
    const std::optional<Event> other = m_store->event(target);
    if (!source || !other) {
        emit refused(tr("The event to link from is no longer in the timeline."));
        m_linkSource.clear();
        return;
    }
    QInputDialog dialog(m_window);
    dialog.setWindowTitle(tr("Link Events"));
    // Titles come from imported files: plain text, never markup.
    dialog.setLabelText(Qt::convertFromPlainText(
        tr("%1\n\u2192 %2\n\nHow the first is linked to the second (choose or write your own):")
            .arg(quoted(source->title), quoted(other->title))));
    dialog.setComboBoxEditable(true);
    dialog.setComboBoxItems(EventLink::suggestedLabels());
    if (dialog.exec() == QDialog::Accepted) {
        addLink({m_linkSource, target, dialog.textValue().simplified()});
        m_linkSource.clear();
    }
}

namespace {

std::function<bool(EventStore &, QString *)> linkStep(const EventLink &link, bool adding)
{
    return [link, adding](EventStore &store, QString *error) {
        EventEditor editor(store);
        return (adding ? editor.addLink(link) : editor.removeLink(link)) || (*error = editor.errorString(), false);
    };
}

} // namespace

bool TimelineEditor::addLink(const EventLink &link)
{
    return perform(command(tr("Link two events"), linkStep(link, true), linkStep(link, false)));
}

bool TimelineEditor::removeLink(const EventLink &link)
{
    return perform(command(tr("Remove a link"), linkStep(link, false), linkStep(link, true)));
}

bool TimelineEditor::saveView(const SavedView &view)
{
    if (!m_store) {
        return false;
    }
    const std::optional<SavedView> before = Annotations::view(*m_store, view.name);
    const auto put = [](std::optional<SavedView> value, QString name) {
        return [value, name](EventStore &store, QString *error) {
            EventEditor editor(store);
            return (value ? editor.saveView(*value) : editor.deleteView(name))
                || (*error = editor.errorString(), false);
        };
    };
    return perform(
        command(tr("Save the view \u201C%1\u201D").arg(view.name), put(view, view.name), put(before, view.name)));
}

bool TimelineEditor::deleteView(const QString &name)
{
    if (!m_store) {
        return false;
    }
    const std::optional<SavedView> before = Annotations::view(*m_store, name);
    if (!before) {
        return false;
    }
    return perform(command(
        tr("Delete the view \u201C%1\u201D").arg(name),
        [name = before->name](EventStore &store, QString *error) {
            EventEditor editor(store);
            return editor.deleteView(name) || (*error = editor.errorString(), false);
        },
        [view = *before](EventStore &store, QString *error) {
            EventEditor editor(store);
            return editor.saveView(view) || (*error = editor.errorString(), false);
        }));
}

void TimelineEditor::recordImport(const QString &fileName, std::shared_ptr<WriteJournal> journal)
{
    if (!journal || journal->isEmpty()) {
        return; // it changed nothing: nothing to undo
    }
    // The events as the import left them are read when it is undone, for a redo to write back.
    auto state = std::make_shared<QList<Change>>();
    for (const WriteJournal::Entry &entry : std::as_const(journal->entries)) {
        state->append({entry.id, entry.before, {}, std::nullopt, entry.after});
    }
    journal.reset();
    // An import may have written a great many events: its undo and redo run beside the window, which keeps painting.
    const QString text = tr("Import %1").arg(fileName);
    EditCommand *edit = command(
        text,
        [this, state, text](EventStore &store, QString *error) {
            return beside(store, tr("Redoing \u201C%1\u201D…").arg(text), error,
                [state](EventStore &own, QString *why) { return step(own, *state, true, why); });
        },
        [this, state, text](EventStore &store, QString *error) {
            return beside(
                store, tr("Undoing \u201C%1\u201D…").arg(text), error, [state](EventStore &own, QString *why) {
                    readBack(own, *state);
                    return step(own, *state, false, why);
                });
        });
    edit->setPerformed(); // it has happened already: on the stack without running it again
    m_stack->push(edit);
}

bool TimelineEditor::beside(
    EventStore &store, const QString &label, QString *error, const std::function<bool(EventStore &, QString *)> &work)
{
    if (store.isInMemory()) {
        return work(store, error); // a timeline in memory has only the window's connection
    }
    // A dialog that nothing closes but the end of the work: closed, the window would take a second undo while the
    // first runs.
    class BusyDialog final : public QProgressDialog {
    public:
        using QProgressDialog::QProgressDialog;
        void reject() override { }
        void closeEvent(QCloseEvent *event) override { event->ignore(); }
    };
    BusyDialog dialog(QString(), QString(), 0, 0, m_window);
    auto *text = new QLabel(label); // a file's name, as plain text
    text->setTextFormat(Qt::PlainText);
    dialog.setLabel(text);
    dialog.setWindowModality(Qt::WindowModal); // nothing else reaches the window meanwhile
    dialog.setMinimumDuration(0); // shown at once: until it is, nothing would keep a second undo from starting
    bool ok = false;
    QString why;
    QThread *worker = QThread::create([&, path = store.path()] {
        EventStore own(path);
        ok = own.open() ? work(own, &why) : (why = own.errorString(), false);
    });
    QEventLoop loop;
    connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    *error = why;
    return ok;
}

void TimelineEditor::fillMenu(QMenu *menu, const QString &id)
{
    if (!m_store || id.isEmpty()) {
        return;
    }
    const EventMarks marks = Annotations::marks(*m_store, id);
    menu->addAction(tr("&Edit Event…"), this, [this, id] { editEvent(id); });
    menu->addAction(tr("&Delete Event"), this, [this, id] { deleteEvents({id}); });
    menu->addSeparator();
    menu->addAction(marks.starred ? tr("Un&star") : tr("&Star"), this,
        [this, id, starred = marks.starred] { setStarred({id}, !starred); });
    menu->addAction(tr("Add &Note…"), this, [this, id] { askNote(id); });
    menu->addAction(tr("Your &Tags…"), this, [this, id] { askTags(id); });
    menu->addSeparator();
    if (!m_linkSource.isEmpty() && m_linkSource != id) {
        const std::optional<Event> source = m_store->event(m_linkSource);
        if (source) {
            menu->addAction(tr("&Link %1 to This…").arg(quoted(source->title)), this, [this, id] { askLinkTo(id); });
        }
    }
    menu->addAction(tr("Link &From This Event"), this, [this, id] { startLink(id); });
}
