// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUndoCommand>

#include <functional>

// One change to the timeline that can be undone: two steps, each one transaction, that take the file from before to
// after and back. A step that fails (someone else changed the event meanwhile, the disk is full) says why, and the
// command leaves the history: what it would take back is no longer what it wrote.
class EditCommand final : public QUndoCommand {
public:
    // A step: true when it was carried out; false, with *error, when nothing was changed.
    using Step = std::function<bool(QString *error)>;
    // Told after each step: whether it was carried out, and if not, why.
    using Done = std::function<void(bool ok, const QString &error)>;

    EditCommand(const QString &text, Step forward, Step backward, Done done);

    // The first step forward, before the command goes on the stack (whose push() would run it again): false, with
    // *error, when nothing was changed, and then the command is not to be pushed.
    bool perform(QString *error);
    // The first step forward happened elsewhere (an import): the stack's push() is not to run it.
    void setPerformed() { m_performed = true; }

    void redo() override;
    void undo() override;

private:
    void run(const Step &step);

    Step m_forward;
    Step m_backward;
    Done m_done;
    bool m_performed = false; // perform() ran the first step: push()'s redo() is not to run it again
};
