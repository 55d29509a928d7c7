// SPDX-License-Identifier: GPL-3.0-or-later
#include "editcommand.h"

EditCommand::EditCommand(const QString &text, Step forward, Step backward, Done done)
    : QUndoCommand(text)
    , m_forward(std::move(forward))
    , m_backward(std::move(backward))
    , m_done(std::move(done))
{
}

bool EditCommand::perform(QString *error)
{
    m_performed = m_forward(error);
    return m_performed;
}

void EditCommand::redo()
{
    if (m_performed) {
        m_performed = false; // done already, by perform()
        return;
    }
    run(m_forward);
}

void EditCommand::undo()
{
    run(m_backward);
}

void EditCommand::run(const Step &step)
{
    QString error;
    const bool ok = step(&error);
    if (!ok) {
        setObsolete(true); // the stack drops it
    }
    m_done(ok, error);
}
