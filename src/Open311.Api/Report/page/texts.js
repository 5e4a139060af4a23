// The page's own words, Greek (the default) and English. What the municipality names (categories, groups, questions,
// values) comes from Open311 in the chosen language: every call sends locale.
const words = {
  el: {
    title: 'Αναφορά προβλήματος',
    skip: 'Μετάβαση στο περιεχόμενο',
    otherLanguage: 'English',
    categoryTitle: 'Τι θέλετε να αναφέρετε;',
    intro: 'Διαλέξτε την κατηγορία που ταιριάζει. Στη συνέχεια δείξτε πού είναι το πρόβλημα, περιγράψτε το και, αν θέλετε, στείλτε μια φωτογραφία.',
    back: '← Αλλαγή κατηγορίας',
    notSent: 'Το αίτημα δεν στάλθηκε. Διορθώστε τα παρακάτω:',
    requiredNote: 'Τα πεδία με * είναι υποχρεωτικά.',
    required: '(υποχρεωτικό)',
    where: 'Πού είναι;',
    whereHint: 'Χρησιμοποιήστε τη θέση σας, σημειώστε το σημείο στον χάρτη ή γράψτε μια διεύθυνση.',
    locate: 'Χρήση της θέσης μου',
    locating: 'Αναζήτηση της θέσης σας…',
    located: 'Η θέση σας βρέθηκε (ακρίβεια περίπου {0} μ.).',
    locateDenied: 'Δεν δόθηκε άδεια για τη θέση σας. Σημειώστε το σημείο στον χάρτη ή γράψτε μια διεύθυνση.',
    locateFailed: 'Η θέση σας δεν βρέθηκε. Σημειώστε το σημείο στον χάρτη ή γράψτε μια διεύθυνση.',
    mapHelp: 'Πατήστε στον χάρτη ή σύρετε την καρφίτσα. Με το πληκτρολόγιο: μετακινήστε τον χάρτη με τα βέλη και πατήστε «Καρφίτσα στο κέντρο».',
    mapLabel: 'Χάρτης για το σημείο του προβλήματος',
    pinCentre: 'Καρφίτσα στο κέντρο του χάρτη',
    zoomIn: 'Μεγέθυνση',
    zoomOut: 'Σμίκρυνση',
    point: 'Σημείο: {0}, {1}',
    address: 'Διεύθυνση ή σημείο αναφοράς',
    nearbyTitle: 'Μήπως έχει ήδη αναφερθεί;',
    nearbyIntro: 'Κοντά σε αυτό το σημείο υπάρχουν ανοιχτά αιτήματα της ίδιας κατηγορίας ({0}). Αν είναι το ίδιο πρόβλημα, δεν χρειάζεται νέα αναφορά.',
    nearbyRequested: 'Καταχωρήθηκε {0}',
    followInstead: 'Παρακολούθηση αυτού αντί για νέα αναφορά',
    followNeedsContact: 'Για να παρακολουθήσετε ένα αίτημα, γράψτε πιο κάτω e-mail ή κινητό και διαλέξτε πώς θα ενημερώνεστε.',
    followed: 'Θα ενημερώνεστε για το αίτημα {0}. Δεν χρειάζεται νέα αναφορά.',
    description: 'Περιγραφή',
    descriptionHint: 'Τι συμβαίνει; Μην γράψετε εδώ προσωπικά στοιχεία: η περιγραφή δημοσιεύεται.',
    photo: 'Φωτογραφία (προαιρετικά)',
    photoHint: 'Η φωτογραφία μικραίνει στη συσκευή σας πριν σταλεί και αποθηκεύεται χωρίς μεταδεδομένα (θέση, συσκευή).',
    photoCamera: 'Λήψη με την κάμερα',
    photoGallery: 'Επιλογή από τη συλλογή',
    photoReady: 'Η φωτογραφία είναι έτοιμη ({0} × {1}, {2} KB).',
    photoPreview: 'Η φωτογραφία που θα σταλεί',
    photoRemove: 'Αφαίρεση φωτογραφίας',
    photoRemoved: 'Η φωτογραφία αφαιρέθηκε.',
    photoUnreadable: 'Η εικόνα δεν διαβάστηκε. Δοκιμάστε μια φωτογραφία JPEG ή PNG.',
    contact: 'Θέλετε να ενημερώνεστε; (προαιρετικά)',
    privacy: 'Το e-mail και το κινητό σας δεν δημοσιεύονται· ο δήμος τα χρησιμοποιεί μόνο για αυτό το αίτημα και τα διαγράφει {0} μετά το κλείσιμό του. Η περιγραφή, το σημείο και η φωτογραφία δημοσιεύονται, ώστε να τα βλέπουν όλοι.',
    months: n => n === 1 ? '1 μήνα' : `${n} μήνες`,
    email: 'E-mail',
    emailAlerts: 'Ενημέρωση με e-mail',
    phone: 'Κινητό τηλέφωνο',
    smsAlerts: 'Ενημέρωση με SMS',
    send: 'Αποστολή',
    sending: 'Αποστολή…',
    doneTitle: 'Ευχαριστούμε! Το αίτημα καταχωρήθηκε.',
    doneText: 'Ο δήμος το έλαβε. Κρατήστε τον αριθμό πρωτοκόλλου και τον σύνδεσμο για να δείτε την πρόοδό του.',
    protocol: 'Αριθμός πρωτοκόλλου:',
    follow: 'Παρακολούθηση του αιτήματος',
    followPrivate: 'Ο σύνδεσμος ανοίγει το αίτημά σας: μην τον δημοσιεύσετε.',
    again: 'Νέα αναφορά',
    loadFailed: 'Η σελίδα δεν φόρτωσε ({0}). Δοκιμάστε ξανά σε λίγο.',
    tooMany: 'Πολλές αναφορές από αυτή τη σελίδα αυτή τη στιγμή. Δοκιμάστε ξανά σε ένα λεπτό.',
    failed: 'Η αποστολή απέτυχε ({0}). Δοκιμάστε ξανά.',
    reasons: {
      required: 'Συμπληρώστε αυτό το πεδίο.',
      number: 'Γράψτε έναν αριθμό, π.χ. 12 ή 3,5.',
      datetime: 'Διαλέξτε ημερομηνία και ώρα.',
      tooLong: 'Το κείμενο είναι πολύ μεγάλο (έως {0} χαρακτήρες).',
      email: 'Το e-mail δεν είναι σωστό.',
      emailAlerts: 'Για ενημέρωση με e-mail γράψτε το e-mail σας.',
      smsAlerts: 'Για ενημέρωση με SMS γράψτε το κινητό σας.',
      location: 'Δείξτε πού είναι: τη θέση σας, ένα σημείο στον χάρτη ή μια διεύθυνση.',
    },
  },
  en: {
    title: 'Report a problem',
    skip: 'Skip to content',
    otherLanguage: 'Ελληνικά',
    categoryTitle: 'What would you like to report?',
    intro: 'Choose the category that fits. Then show where the problem is, describe it and, if you like, send a photo.',
    back: '← Change category',
    notSent: 'The request was not sent. Please correct the following:',
    requiredNote: 'Fields marked * are required.',
    required: '(required)',
    where: 'Where is it?',
    whereHint: 'Use your location, mark the spot on the map or type an address.',
    locate: 'Use my location',
    locating: 'Finding your location…',
    located: 'Your location was found (to about {0} m).',
    locateDenied: 'Location permission was not given. Mark the spot on the map or type an address.',
    locateFailed: 'Your location could not be found. Mark the spot on the map or type an address.',
    mapHelp: 'Tap the map or drag the pin. With a keyboard: move the map with the arrow keys and press “Pin at the map’s centre”.',
    mapLabel: 'Map to mark the problem',
    pinCentre: 'Pin at the map’s centre',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    point: 'Spot: {0}, {1}',
    address: 'Address or landmark',
    nearbyTitle: 'Already reported?',
    nearbyIntro: 'There are open requests of the same category near this spot ({0}). If it is the same problem, there is no need to report it again.',
    nearbyRequested: 'Reported {0}',
    followInstead: 'Follow this one instead of reporting again',
    followNeedsContact: 'To follow a request, give an e-mail or mobile number below and choose how to be told.',
    followed: 'You will be told about request {0}. There is no need to report it again.',
    description: 'Description',
    descriptionHint: 'What is wrong? Do not write personal details here: the description is published.',
    photo: 'Photo (optional)',
    photoHint: 'The photo is made smaller on your device before it is sent and is stored without metadata (location, device).',
    photoCamera: 'Take with the camera',
    photoGallery: 'Choose from the gallery',
    photoReady: 'The photo is ready ({0} × {1}, {2} KB).',
    photoPreview: 'The photo to be sent',
    photoRemove: 'Remove photo',
    photoRemoved: 'The photo was removed.',
    photoUnreadable: 'The picture could not be read. Try a JPEG or PNG photo.',
    contact: 'Would you like updates? (optional)',
    privacy: 'Your e-mail and mobile number are not published; the municipality uses them for this request only and deletes them {0} after it is closed. The description, the spot and the photo are published for everyone to see.',
    months: n => n === 1 ? '1 month' : `${n} months`,
    email: 'E-mail',
    emailAlerts: 'Updates by e-mail',
    phone: 'Mobile phone',
    smsAlerts: 'Updates by SMS',
    send: 'Send',
    sending: 'Sending…',
    doneTitle: 'Thank you! Your request was recorded.',
    doneText: 'The municipality has received it. Keep the protocol number and the link to see its progress.',
    protocol: 'Protocol number:',
    follow: 'Follow the request',
    followPrivate: 'The link opens your request: do not publish it.',
    again: 'Report something else',
    loadFailed: 'The page did not load ({0}). Please try again shortly.',
    tooMany: 'Too many reports from this page right now. Please try again in a minute.',
    failed: 'Sending failed ({0}). Please try again.',
    reasons: {
      required: 'Please fill this in.',
      number: 'Type a number, e.g. 12 or 3.5.',
      datetime: 'Choose a date and time.',
      tooLong: 'The text is too long (at most {0} characters).',
      email: 'The e-mail address is not right.',
      emailAlerts: 'For e-mail updates, give your e-mail address.',
      smsAlerts: 'For SMS updates, give your mobile number.',
      location: 'Show where it is: your location, a spot on the map or an address.',
    },
  },
};

const stored = localStorage.getItem('open311.report.language');
export let language = stored === 'en' ? 'en' : 'el';

export function setLanguage(code) {
  language = code;
  localStorage.setItem('open311.report.language', code);
}

export function other() {
  return language === 'el' ? 'en' : 'el';
}

/** The word for key in the page's language, with {0}, {1}… filled in. */
export function t(key, ...values) {
  const word = key.split('.').reduce((node, part) => node?.[part], words[language]);
  return String(word ?? key).replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);
}

export function months(n) {
  return words[language].months(n);
}

/** Fills every element's data-t text and data-t-label aria-label. */
export function apply(root = document) {
  document.documentElement.lang = language;
  root.querySelectorAll('[data-t]').forEach(element => { element.textContent = t(element.dataset.t); });
  root.querySelectorAll('[data-t-label]').forEach(element => { element.setAttribute('aria-label', t(element.dataset.tLabel)); });
}

export function dateTime(iso) {
  return new Date(iso).toLocaleString(language === 'el' ? 'el-GR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}
