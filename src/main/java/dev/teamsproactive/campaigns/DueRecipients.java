package dev.teamsproactive.campaigns;

import dev.teamsproactive.recipients.Recipient;
import dev.teamsproactive.recipients.RecipientStream;
import java.util.NoSuchElementException;

/** A campaign's recipients as a reminder sends to them: only the rows it is due to, read as they come. */
final class DueRecipients implements RecipientStream {
    private final RecipientStream all;
    private final Reminders.Reminder reminder;
    private Recipient next;

    DueRecipients(RecipientStream all, Reminders.Reminder reminder) {
        this.all = all;
        this.reminder = reminder;
    }

    @Override
    public boolean hasNext() {
        while (next == null && all.hasNext()) {
            Recipient row = all.next();
            if (reminder.isDue(row)) {
                next = row;
            }
        }
        return next != null;
    }

    @Override
    public Recipient next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Recipient row = next;
        next = null;
        return row;
    }

    @Override
    public String recipientColumn() {
        return all.recipientColumn();
    }

    @Override
    public void close() {
        all.close();
    }
}
